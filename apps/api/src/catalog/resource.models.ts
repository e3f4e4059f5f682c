import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ResourceVersion', { description: 'One uploaded file of a resource. Versions never change.' })
export class ResourceVersionModel {
  @Field(() => Int, { description: 'Version number, from 1.' })
  version: number;

  @Field({ description: 'File format, e.g. CSV.' })
  format: string;

  @Field({ description: 'IANA media type (dcat:mediaType).' })
  mediaType: string;

  @Field(() => Float, { description: 'Size in bytes (dcat:byteSize); Float because files may exceed 2^31 bytes.' })
  byteSize: number;

  @Field({ description: 'SHA-256 of the file, hex (spdx:checksum).' })
  sha256: string;

  @Field({ description: 'Name of the uploaded file.' })
  fileName: string;

  @Field(() => String, { nullable: true, description: 'Collection standard (JSON Schema id) the rows were validated against.' })
  schemaId: string | null;

  @Field(() => Float, { nullable: true, description: 'Number of data rows, when the file is a table.' })
  rowCount: number | null;

  @Field({ description: 'Download URL of this version.' })
  downloadUrl: string;

  @Field(() => Date, { description: 'When this version was uploaded.' })
  createdAt: Date;

  @Field(() => String, { nullable: true, description: 'Text encoding the file was read in.' })
  encoding: string | null;

  id: string;
  reportId: string | null;
}

@ObjectType('Resource', { description: 'A file of a dataset (a DCAT distribution); its fields describe the latest version.' })
export class ResourceModel {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field({ description: 'Name.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Description.' })
  description: string | null;

  @Field({ description: 'File format of the latest version, e.g. CSV.' })
  format: string;

  @Field({ description: 'IANA media type of the latest version.' })
  mediaType: string;

  @Field(() => Float, { description: 'Size in bytes of the latest version.' })
  byteSize: number;

  @Field({ description: 'SHA-256 of the latest version, hex.' })
  sha256: string;

  @Field(() => String, { nullable: true, description: 'Collection standard (JSON Schema id) of the latest version.' })
  schemaId: string | null;

  @Field(() => Int, { description: 'Number of the latest version.' })
  version: number;

  @Field(() => Float, { nullable: true, description: 'Data rows in the latest version.' })
  rowCount: number | null;

  @Field({ description: 'Download URL of the latest version (add ?version=N for older ones).' })
  downloadUrl: string;

  @Field(() => Date, { description: 'When the latest version was uploaded.' })
  modified: Date;

  @Field(() => Date, { description: 'When the resource was created.' })
  createdAt: Date;

  datasetId: string;
  reportId: string | null;
}
