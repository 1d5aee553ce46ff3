/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-report"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-report-private.h"

/*
 * The report as plain text, fit for the body of an email: headings
 * underlined, tables in columns of spaces, nothing wider than it needs.
 * Long paragraphs are left for the mail program to wrap.
 */

static void
append_repeated (GString *text,
                 char     c,
                 glong    n)
{
  for (glong i = 0; i < n; i++)
    g_string_append_c (text, c);
}

static void
append_underlined (GString    *text,
                   const char *title,
                   char        line)
{
  g_string_append_printf (text, "%s\n", title);
  append_repeated (text, line, g_utf8_strlen (title, -1));
  g_string_append_c (text, '\n');
}

/* @text with every line after the first indented by @indent spaces; a
 * blank line stays blank, with no spaces at its end. */
static void
append_indented (GString    *text,
                 const char *value,
                 guint       indent)
{
  for (const char *p = value; *p != '\0'; p++)
    {
      g_string_append_c (text, *p);
      if (*p == '\n' && p[1] != '\n' && p[1] != '\0')
        append_repeated (text, ' ', indent);
    }
}

static char *
one_line (const char *cell)
{
  return g_strdelimit (g_strdup (cell), "\n", ' ');
}

static glong *
column_widths (const CwReportBlock *table,
               guint               *n_columns)
{
  guint n = g_strv_length (g_ptr_array_index (table->rows, 0));
  glong *widths = g_new0 (glong, n);

  for (guint r = 0; r < table->rows->len; r++)
    {
      GStrv row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < n && row[c] != NULL; c++)
        widths[c] = MAX (widths[c], g_utf8_strlen (row[c], -1));
    }
  *n_columns = n;
  return widths;
}

static void
append_table (GString             *text,
              const CwReportBlock *table)
{
  guint n_columns;
  g_autofree glong *widths = column_widths (table, &n_columns);

  for (guint r = 0; r < table->rows->len; r++)
    {
      GStrv row = g_ptr_array_index (table->rows, r);
      gsize start = text->len;

      g_string_append (text, "  ");
      for (guint c = 0; c < n_columns && row[c] != NULL; c++)
        {
          g_autofree char *cell = one_line (row[c]);
          glong pad = widths[c] - g_utf8_strlen (cell, -1);

          if (c > 0)
            g_string_append (text, "  ");
          if (cw_report_block_is_numeric (table, c))
            append_repeated (text, ' ', pad);
          g_string_append (text, cell);
          if (!cw_report_block_is_numeric (table, c) && c + 1 < n_columns)
            append_repeated (text, ' ', pad);
        }
      /* No trailing blanks: mail programs and diff both mind them. */
      while (text->len > start && text->str[text->len - 1] == ' ')
        g_string_truncate (text, text->len - 1);
      g_string_append_c (text, '\n');
    }
}

static void
append_paragraphs (GString    *text,
                   const char *value)
{
  g_auto(GStrv) paragraphs = cw_report_split_paragraphs (value);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    g_string_append_printf (text, "%s%s\n", i > 0 ? "\n" : "", paragraphs[i]);
}

static void
append_block (GString             *text,
              const CwReportBlock *block)
{
  switch (block->kind)
    {
    case CW_REPORT_BLOCK_TITLE:
      append_underlined (text, block->text, '=');
      g_string_append_c (text, '\n');
      break;
    case CW_REPORT_BLOCK_SECTION:
      g_string_append (text, "\n\n");
      append_underlined (text, block->text, '=');
      g_string_append_c (text, '\n');
      break;
    case CW_REPORT_BLOCK_HEADING:
      g_string_append_c (text, '\n');
      append_underlined (text, block->text, '-');
      break;
    case CW_REPORT_BLOCK_FIELD:
      g_string_append_printf (text, "%s: ", block->label);
      append_indented (text, block->text, 2);
      g_string_append_c (text, '\n');
      break;
    case CW_REPORT_BLOCK_ITEM:
      g_string_append_printf (text, "- %s: ", block->label);
      append_indented (text, block->text, 2);
      g_string_append_c (text, '\n');
      if (block->detail != NULL)
        {
          g_string_append (text, "  ");
          append_indented (text, block->detail, 2);
          g_string_append_c (text, '\n');
        }
      break;
    case CW_REPORT_BLOCK_PARAGRAPHS:
      append_paragraphs (text, block->text);
      break;
    case CW_REPORT_BLOCK_NOTE:
      g_string_append_printf (text, "%s\n", block->text);
      break;
    case CW_REPORT_BLOCK_TABLE:
      append_table (text, block);
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * cw_report_write_text:
 * @out: where the text goes; it is not closed
 *
 * Writes the report as plain UTF-8 text, for the body of an email.
 */
gboolean
cw_report_write_text (CwReport       *self,
                      GOutputStream  *out,
                      GError        **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  CwReportBlockKind previous = CW_REPORT_BLOCK_TITLE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  for (guint part = 0; part < cw_report_outline_n_parts (self); part++)
    {
      g_autoptr(GPtrArray) outline = cw_report_outline_part (self, part);

      for (guint i = 0; i < outline->len; i++)
        {
          const CwReportBlock *block = g_ptr_array_index (outline, i);

          /* A table stands apart from the fields or remarks around it. */
          if (((previous == CW_REPORT_BLOCK_FIELD && block->kind != CW_REPORT_BLOCK_FIELD) ||
               previous == CW_REPORT_BLOCK_TABLE) &&
              block->kind != CW_REPORT_BLOCK_SECTION && block->kind != CW_REPORT_BLOCK_HEADING)
            g_string_append_c (text, '\n');
          append_block (text, block);
          previous = block->kind;
        }
    }

  return cw_report_write_string (out, text, error);
}
