import { z } from 'zod';
import {
  EDITABLE_TEMPLATE_CODES,
  VARIABLES,
  type EditableTemplateCode,
  type VariableName,
} from '../../domain/messages/outgoing-templates.js';
import { instant } from './response.js';

/** Answers of the message-template routes (#11 item 5): the list, one template with its history, a saved version, a preview. */

export const templateCode = z.enum(EDITABLE_TEMPLATE_CODES as [EditableTemplateCode, ...EditableTemplateCode[]]);
export const templateLocale = z.enum(['zh-CN', 'en-US']);
const variableName = z.enum(Object.keys(VARIABLES) as [VariableName, ...VariableName[]]);
const label = z.object({ zh: z.string(), en: z.string() });
const text = { subject: z.string(), body: z.string() };

const described = {
  code: templateCode,
  label,
  audience: z.enum(['staff', 'complainant']).describe('staff notices, or messages to the complainant'),
  variables: z.array(z.object({ name: variableName, label, required: z.boolean().describe('the body must use it') })),
};

export const messageTemplateList = z.object({
  items: z.array(
    z.object({
      ...described,
      locales: z.array(
        z.object({
          locale: templateLocale,
          version: z.number().int().nullable().describe('the version in force; null: the built-in text'),
          builtIn: z.boolean().describe('the text in force is the built-in one'),
          createdAt: instant.nullable(),
          createdByName: z.string().nullable(),
        }),
      ),
    }),
  ),
});

export const messageTemplateVersion = z.object({
  version: z.number().int(),
  locale: templateLocale,
  ...text,
  createdAt: instant,
  createdBy: z.string(),
  createdByName: z.string().nullable(),
  reason: z.string().nullable(),
  restored: z.boolean().describe('this version restored the built-in text'),
  builtIn: z.boolean().describe('the text equals the built-in one'),
});

export const messageTemplateDetail = z.object({
  ...described,
  locales: z.array(
    z.object({
      locale: templateLocale,
      builtInText: z.object(text),
      current: z.object({ version: z.number().int().nullable(), ...text }),
      versions: z.array(messageTemplateVersion).describe('newest first'),
    }),
  ),
});

export const messageTemplatePreview = z.object({
  complaintNumber: z.string().nullable().describe('the complaint the preview is written on; null: sample values'),
  subject: z.string(),
  email: z.string().describe("the e-mail's text"),
  sms: z.object({
    text: z.string().describe('with the signature'),
    encoding: z.enum(['GSM-7', 'UCS-2']),
    units: z.number().int(),
    segments: z.number().int(),
  }),
});

export type MessageTemplateListAnswer = z.output<typeof messageTemplateList>;
export type MessageTemplateDetailAnswer = z.output<typeof messageTemplateDetail>;
export type MessageTemplateVersionAnswer = z.output<typeof messageTemplateVersion>;
export type MessageTemplatePreviewAnswer = z.output<typeof messageTemplatePreview>;
