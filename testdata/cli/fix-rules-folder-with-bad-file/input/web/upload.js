const util = require("util");

const chunk = new Buffer(1024);
if (util.isArray(parts)) {
  chunk.fill(0);
}
