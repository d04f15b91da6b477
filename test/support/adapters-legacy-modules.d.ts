// The Express 4 and Koa 2 aliases ship no types of their own; their APIs used in the tests match the current typings.
declare module "express4" {
  import express = require("express");
  export = express;
}
declare module "koa2" {
  import Koa = require("koa");
  export = Koa;
}
