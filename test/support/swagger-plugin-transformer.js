// Runs the @nestjs/swagger CLI plugin under ts-jest, as `nest build` does (NestJS docs: "Integration with ts-jest").
const transformer = require('@nestjs/swagger/plugin');

module.exports.name = 'nestjs-swagger-transformer';
module.exports.version = 1;
module.exports.factory = (cs) =>
  transformer.before(
    {
      dtoFileNameSuffix: ['.dto.ts'],
      controllerFileNameSuffix: ['.controller.ts'],
      classValidatorShim: true,
      introspectComments: true,
    },
    cs.program,
  );
