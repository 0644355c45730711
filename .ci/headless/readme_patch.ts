// The README's PATCH body ("Update a question": `{faqs, meta: {action: "publish"}}`), typed by
// what openapi-typescript generated from the live OpenAPI document (generated/v3.d.ts). It must
// compile under `tsc --strict`; the lines marked @ts-expect-error must not.
import type { components, paths } from "./generated/v3";

type FAQPage = components["schemas"]["FAQPageSchema"];
type PagePatch =
  paths["/api/v3/pages/{page_id}/"]["patch"]["requestBody"]["content"]["application/json"];

// The questions as read (`?rich_text_format=db_html`), written back and published. The page's
// type is not repeated: the server reads it from the page.
export function publishQuestions(page: FAQPage): PagePatch {
  return { faqs: page.faqs, meta: { action: "publish" } };
}

// One question changed; every other item, and every other field, left as it is.
export function changeQuestion(page: FAQPage, id: string, question: string): PagePatch {
  const faqs = page.faqs.map((item) =>
    item.id === id ? { ...item, value: { ...item.value, question } } : item,
  );
  return { faqs, meta: { action: "publish" } };
}

// A page read from the union of page types is told apart by its `meta.type`.
type PageRead =
  paths["/api/v3/pages/{page_id}/"]["get"]["responses"][200]["content"]["application/json"];
export function questionsOf(page: PageRead): string[] {
  return page.meta.type === "faq.FAQPage" && "faqs" in page
    ? page.faqs.map((item) => item.value.question)
    : [];
}

// What the server refuses, the types refuse.
// @ts-expect-error: "publsh" is no action
export const misspelt: PagePatch = { meta: { action: "publsh" } };
// @ts-expect-error: a FAQ page's questions are a list of items
export const notAList: components["schemas"]["FAQPagePatchSchema"] = { faqs: "Where?" };
// @ts-expect-error: a listing's locale is one of the site's languages
export const unknownLocale: paths["/api/v3/pages/"]["get"]["parameters"]["query"] = { locale: "fr" };
