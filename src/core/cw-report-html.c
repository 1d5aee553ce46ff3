/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-report"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-report-private.h"

/*
 * The report as one self-contained HTML file: the style sheet is inside
 * it, nothing is fetched, nothing runs. Every piece of text is escaped, so
 * case text can never become markup.
 */

static const char style_sheet[] =
  "body { font-family: Cantarell, \"Noto Sans\", \"Helvetica Neue\", Arial, sans-serif;"
  " max-width: 52em; margin: 2em auto; padding: 0 1em; color: #1e1e1e; line-height: 1.45; }\n"
  "h1 { font-size: 1.7em; margin: 0 0 .4em; }\n"
  "h2 { font-size: 1.3em; margin: 2em 0 .5em; padding-top: .6em; border-top: 2px solid #1c71d8; }\n"
  "h3 { font-size: 1.05em; margin: 1.3em 0 .3em; }\n"
  "dl { display: grid; grid-template-columns: max-content auto; gap: .1em 1em; margin: .5em 0; }\n"
  "dt { font-weight: bold; }\n"
  "dd { margin: 0; }\n"
  "table { border-collapse: collapse; margin: .4em 0; }\n"
  "th, td { text-align: left; vertical-align: top; padding: .2em 1em .2em 0;"
  " border-bottom: 1px solid #deddda; }\n"
  "th { border-bottom-color: #77767b; }\n"
  ".num { text-align: right; font-variant-numeric: tabular-nums; }\n"
  "ul { list-style: none; padding: 0; margin: .3em 0; }\n"
  "li { margin: .3em 0; }\n"
  ".date { font-weight: bold; margin-right: .5em; }\n"
  ".details { margin: .1em 0 0 1.5em; color: #3d3846; }\n"
  ".note { color: #5e5c64; font-style: italic; }\n"
  "@media print { body { margin: 0; max-width: none; } h2, h3 { break-after: avoid; }"
  " tr { break-inside: avoid; } }\n";

typedef enum {
  LIST_NONE,
  LIST_FIELDS,
  LIST_ITEMS,
} OpenList;

typedef struct {
  GString *html;
  OpenList list;
  gboolean in_section;
} HtmlWriter;

/* Escaped text, with each line break kept as <br>. */
static void
append_text (GString    *html,
             const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  for (const char *p = escaped; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (html, "<br>\n");
      else
        g_string_append_c (html, *p);
    }
}

static void
append_element (GString    *html,
                const char *open,
                const char *text,
                const char *close)
{
  g_string_append (html, open);
  append_text (html, text);
  g_string_append (html, close);
}

static void
close_list (HtmlWriter *w)
{
  if (w->list == LIST_FIELDS)
    g_string_append (w->html, "</dl>\n");
  else if (w->list == LIST_ITEMS)
    g_string_append (w->html, "</ul>\n");
  w->list = LIST_NONE;
}

static void
open_list (HtmlWriter *w,
           OpenList    list)
{
  if (w->list == list)
    return;
  close_list (w);
  g_string_append (w->html, list == LIST_FIELDS ? "<dl>\n" : "<ul>\n");
  w->list = list;
}

static void
append_table (GString             *html,
              const CwReportBlock *table)
{
  g_string_append (html, "<table>\n");
  for (guint r = 0; r < table->rows->len; r++)
    {
      GStrv row = g_ptr_array_index (table->rows, r);
      const char *cell = r == 0 ? "th" : "td";

      g_string_append (html, r == 0 ? "<thead><tr>" : "<tr>");
      for (guint c = 0; row[c] != NULL; c++)
        {
          g_string_append_printf (html, "<%s%s>", cell,
                                  cw_report_block_is_numeric (table, c) ? " class=\"num\"" : "");
          append_text (html, row[c]);
          g_string_append_printf (html, "</%s>", cell);
        }
      g_string_append (html, r == 0 ? "</tr></thead>\n<tbody>\n" : "</tr>\n");
    }
  g_string_append (html, "</tbody>\n</table>\n");
}

static void
append_paragraphs (GString    *html,
                   const char *text)
{
  g_auto(GStrv) paragraphs = cw_report_split_paragraphs (text);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    append_element (html, "<p>", paragraphs[i], "</p>\n");
}

static void
append_item (GString             *html,
             const CwReportBlock *block)
{
  append_element (html, "<li><span class=\"date\">", block->label, "</span>");
  append_text (html, block->text);
  if (block->detail != NULL)
    append_element (html, "<div class=\"details\">", block->detail, "</div>");
  g_string_append (html, "</li>\n");
}

static void
append_section (HtmlWriter          *w,
                const CwReportBlock *block)
{
  if (w->in_section)
    g_string_append (w->html, "</section>\n");
  g_string_append (w->html, "<section>\n");
  append_element (w->html, "<h2>", block->text, "</h2>\n");
  w->in_section = TRUE;
}

static void
append_block (HtmlWriter          *w,
              const CwReportBlock *block)
{
  if (block->kind == CW_REPORT_BLOCK_FIELD)
    open_list (w, LIST_FIELDS);
  else if (block->kind == CW_REPORT_BLOCK_ITEM)
    open_list (w, LIST_ITEMS);
  else
    close_list (w);

  switch (block->kind)
    {
    case CW_REPORT_BLOCK_TITLE:
      append_element (w->html, "<h1>", block->text, "</h1>\n");
      break;
    case CW_REPORT_BLOCK_SECTION:
      append_section (w, block);
      break;
    case CW_REPORT_BLOCK_HEADING:
      append_element (w->html, "<h3>", block->text, "</h3>\n");
      break;
    case CW_REPORT_BLOCK_FIELD:
      append_element (w->html, "<dt>", block->label, "</dt>");
      append_element (w->html, "<dd>", block->text, "</dd>\n");
      break;
    case CW_REPORT_BLOCK_ITEM:
      append_item (w->html, block);
      break;
    case CW_REPORT_BLOCK_PARAGRAPHS:
      append_paragraphs (w->html, block->text);
      break;
    case CW_REPORT_BLOCK_NOTE:
      append_element (w->html, "<p class=\"note\">", block->text, "</p>\n");
      break;
    case CW_REPORT_BLOCK_TABLE:
      append_table (w->html, block);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* A translation's word for its own language or direction, kept to the
 * characters an attribute's value of that kind has. */
static char *
attribute_word (const char *word,
                const char *fallback)
{
  if (*word == '\0')
    return g_strdup (fallback);
  for (const char *p = word; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return g_strdup (fallback);
  return g_strdup (word);
}

static void
append_head (GString  *html,
             CwReport *report)
{
  g_autofree char *title = cw_report_title (report);
  const char *group = report->profile->name;
  /* Translators: the language of this translation, as HTML names it
   * ("de", "es", "pt-BR"): the report's own words are in it. */
  g_autofree char *lang = attribute_word (C_("html lang", "en"), "en");
  /* Translators: "rtl" if this translation is written right to left,
   * else "ltr". */
  g_autofree char *dir = attribute_word (C_("html dir", "ltr"), "ltr");

  g_string_append_printf (html, "<!DOCTYPE html>\n<html lang=\"%s\" dir=\"%s\">\n", lang, dir);
  g_string_append (html, "<head>\n<meta charset=\"utf-8\">\n"
                         "<meta name=\"generator\" content=\"Casework\">\n"
                         "<meta name=\"viewport\" content=\"width=device-width\">\n<title>");
  append_text (html, title);
  if (group != NULL && *group != '\0')
    {
      g_autofree char *clean = cw_report_clean_text (group);

      g_string_append (html, " – ");
      append_text (html, clean);
    }
  g_string_append_printf (html, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", style_sheet);
}

/**
 * cw_report_write_html:
 * @out: where the page goes; it is not closed
 *
 * Writes the report as one self-contained HTML page.
 */
gboolean
cw_report_write_html (CwReport       *self,
                      GOutputStream  *out,
                      GError        **error)
{
  g_autoptr(GString) html = g_string_new (NULL);
  HtmlWriter w = { html, LIST_NONE, FALSE };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  append_head (html, self);
  for (guint part = 0; part < cw_report_outline_n_parts (self); part++)
    {
      g_autoptr(GPtrArray) outline = cw_report_outline_part (self, part);

      for (guint i = 0; i < outline->len; i++)
        append_block (&w, g_ptr_array_index (outline, i));
    }
  close_list (&w);
  if (w.in_section)
    g_string_append (html, "</section>\n");
  g_string_append (html, "</body>\n</html>\n");

  return cw_report_write_string (out, html, error);
}
