import { FieldError, appError, badInput, bilingual, fieldError, textProblem } from '@opendata/common';
import busboy from 'busboy';
import { Request, Response } from 'express';
import { Readable } from 'node:stream';

export interface UploadedFile {
  fileName: string;
  mimeType: string;
  stream: Readable;
}

/** Form fields are names and options, never data: a longer one is refused rather than silently cut. */
const MAX_FIELD_BYTES = 64 * 1024;
/** File names end up in Content-Disposition headers and on disks, where 255 is the common limit. */
export const MAX_FILE_NAME_CHARS = 255;

export interface MultipartForm {
  fields: Record<string, string>;
  file: UploadedFile | null;
}

/**
 * Reads a multipart/form-data request up to its `file` part and hands that part over as a stream: nothing of
 * the file is buffered. Form fields must come before the file (as browsers and curl -F send them in order);
 * with `maxBytes`, the file stream fails with PAYLOAD_TOO_LARGE once it exceeds it (uploads and validations
 * leave that to the service, which knows the limit that applies).
 */
export function readMultipart(req: Request, maxBytes?: number): Promise<MultipartForm> {
  const type = req.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) {
    return Promise.reject(appError('UNSUPPORTED_MEDIA_TYPE', 'upload.notMultipart'));
  }
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let settled = false;
    let fileStream: Readable | null = null;
    const parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8', // file names of Chinese agencies are UTF-8
      limits: { files: 1, fields: 20, fieldSize: MAX_FIELD_BYTES, fileSize: maxBytes },
    });
    const refuse = (problem: FieldError): void => {
      if (settled) return;
      settled = true;
      reject(badInput([problem]));
    };
    parser.on('field', (name, value, info) => {
      const problem = fieldProblem(name, value, info.nameTruncated || info.valueTruncated);
      if (problem) refuse(problem);
      else fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      const problem = name === 'file' ? fileNameProblem(info.filename ?? '') : null;
      if (problem) refuse(problem);
      if (name !== 'file' || settled) {
        stream.resume();
        return;
      }
      settled = true;
      fileStream = stream;
      stream.on('limit', () => stream.destroy(appError('PAYLOAD_TOO_LARGE', 'upload.tooLarge', { max: maxBytes ?? Infinity })));
      // A small limit can be passed before anyone reads the stream; the stream keeps the error for its reader,
      // so it must not also surface as an unhandled 'error' event.
      stream.on('error', () => undefined);
      resolve({ fields, file: { fileName: info.filename || 'upload', mimeType: info.mimeType, stream } });
    });
    parser.on('error', (error: Error) => {
      if (!settled) reject(badInput([fieldError('body', 'upload.malformed', { reason: error.message })]));
    });
    parser.on('close', () => {
      if (!settled) resolve({ fields, file: null });
    });
    // A client that goes away mid-body ends nothing by itself: the file stream would wait for ever, holding the
    // upload's transaction and its slot. Fail it, so that the upload rolls back and cleans up.
    req.on('close', () => {
      if (req.complete) return;
      const interrupted = appError('BAD_USER_INPUT', 'upload.interrupted');
      if (fileStream && !fileStream.destroyed) fileStream.destroy(interrupted);
      if (!settled) {
        settled = true;
        reject(interrupted);
      }
    });
    req.pipe(parser);
  });
}

/** The edge check of a form field (as text-input.interceptor.ts does for other parameters). */
function fieldProblem(name: string, value: string, truncated: boolean): FieldError | null {
  const nameProblem = textProblem(name);
  if (nameProblem) return fieldError(JSON.stringify(name), 'upload.fieldName', { problem: nameProblem });
  if (truncated) return fieldError(name, 'upload.fieldTooLong', { max: MAX_FIELD_BYTES / 1024 });
  const problem = textProblem(value);
  return problem ? { path: name, message: bilingual(problem) } : null;
}

function fileNameProblem(fileName: string): FieldError | null {
  const problem = textProblem(fileName);
  if (problem) return fieldError('file', 'upload.fileName', { problem });
  if (fileName.length > MAX_FILE_NAME_CHARS) return fieldError('file', 'upload.fileNameTooLong', { max: MAX_FILE_NAME_CHARS });
  return null;
}

/**
 * Aborts when the client's connection closes before the answer was sent. The request body alone cannot say so:
 * a small upload may have arrived whole and wait for a slot, its body unread, when its client gives up.
 */
export function clientGone(res: Response): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort(appError('BAD_USER_INPUT', 'upload.clientGone'));
  });
  return controller.signal;
}
