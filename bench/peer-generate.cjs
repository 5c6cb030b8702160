// The peer's whole job, as the benchmark runs it: openapi-2-kong's generate() of one file to a
// Kong declarative config (the result is built in memory; openapi-2-kong writes nothing itself).
'use strict';
const { generate } = require('./peer/node_modules/openapi-2-kong');

generate(process.argv[2], 'kong-declarative-config')
  .then((result) => {
    if (!result?.documents?.length) throw new Error('returned no document');
  })
  .catch((error) => {
    process.stderr.write(`openapi-2-kong: ${error.message}\n`);
    process.exitCode = 2;
  });
