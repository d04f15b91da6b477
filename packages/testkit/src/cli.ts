console.log("cmshooks CLI: not built yet");
