const header = new Buffer(16);
const client = require("./client");
