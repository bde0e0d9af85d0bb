export const scratch: Buffer = new Buffer(64);
