/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-report"

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <string.h>

#include "cw-report-private.h"
#include "cw-zip-writer.h"

/*
 * The report as OpenDocument text, written with libxml2's xmlTextWriter so
 * that every piece of case text is escaped as character data. The page has
 * the group's paper size, a header with the group and the year, and a
 * footer with the page number and the date made.
 *
 * The same code writes it two ways: as a package (.odt, which Word opens
 * too), a ZIP archive whose content.xml holds the body and the styles it
 * uses, styles.xml the page and the named styles, and meta.xml the title;
 * or flat (.fodt), all of it in one office:document.
 */

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE  "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT   "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE  "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_FO     "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_META   "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define NS_DC     "http://purl.org/dc/elements/1.1/"
#define NS_SVG    "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

#define MIMETYPE_TEXT "application/vnd.oasis.opendocument.text"

/* The XML document being written: the flat one holds what the package's
 * parts split between them. */
typedef enum {
  ODT_FLAT,
  ODT_CONTENT,
  ODT_STYLES,
  ODT_META,
  ODT_MANIFEST,
} OdtPart;

/* The package's parts after its mimetype, in the order they are stored. */
static const struct {
  OdtPart part;
  const char *path;
} package_parts[] = {
  { ODT_CONTENT, "content.xml" },
  { ODT_STYLES, "styles.xml" },
  { ODT_META, "meta.xml" },
  { ODT_MANIFEST, "META-INF/manifest.xml" },
};

/* The text block of a page is its width less 2 cm on each side. */
#define A4_TEXT_CM      17.0
#define LETTER_TEXT_CM  17.59

typedef struct {
  xmlTextWriterPtr xml;
  CwReport *report;
  OdtPart part;
  GOutputStream *out;
  GError *error;            /* the first failure of the stream */
  gboolean failed;
  guint n_tables;
} OdtWriter;

/* libxml2 hands over its buffer here; a failure is kept to be reported,
 * and the rest of the document dropped. */
static int
write_cb (void       *context,
          const char *buffer,
          int         len)
{
  OdtWriter *w = context;

  if (w->error == NULL)
    g_output_stream_write_all (w->out, buffer, (gsize) len, NULL, NULL, &w->error);
  return len;
}

static void
check (OdtWriter *w,
       int        rc)
{
  if (rc < 0)
    w->failed = TRUE;
}

static void
start (OdtWriter  *w,
       const char *name)
{
  check (w, xmlTextWriterStartElement (w->xml, BAD_CAST name));
}

static void
end (OdtWriter *w)
{
  check (w, xmlTextWriterEndElement (w->xml));
}

static void
attr (OdtWriter  *w,
      const char *name,
      const char *value)
{
  check (w, xmlTextWriterWriteAttribute (w->xml, BAD_CAST name, BAD_CAST value));
}

/* Opens @name with attributes given as name, value pairs ending in NULL. */
static void
start_with (OdtWriter  *w,
            const char *name,
            ...)
{
  const char *attr_name;
  va_list args;

  start (w, name);
  va_start (args, name);
  while ((attr_name = va_arg (args, const char *)) != NULL)
    attr (w, attr_name, va_arg (args, const char *));
  va_end (args);
}

static void
flush_text (OdtWriter *w,
            GString   *run)
{
  if (run->len > 0)
    check (w, xmlTextWriterWriteString (w->xml, BAD_CAST run->str));
  g_string_truncate (run, 0);
}

static void
write_spaces (OdtWriter *w,
              gsize      n)
{
  g_autofree char *count = g_strdup_printf ("%" G_GSIZE_FORMAT, n);

  start_with (w, "text:s", "text:c", count, NULL);
  end (w);
}

/* Character data as ODF keeps it: a reader folds a run of spaces into one
 * and drops those that start a line, so the spaces it would lose, and line
 * breaks, are written as elements. */
static void
write_text (OdtWriter  *w,
            const char *text)
{
  g_autoptr(GString) run = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      gsize n = strspn (p, " ");
      gboolean line_start = p == text || p[-1] == '\n';

      if (*p == '\n')
        {
          flush_text (w, run);
          start (w, "text:line-break");
          end (w);
          p++;
          continue;
        }
      if (n == 0)
        {
          g_string_append_c (run, *p++);
          continue;
        }
      if (!line_start)
        g_string_append_c (run, ' ');
      flush_text (w, run);
      if (n > 1 || line_start)
        write_spaces (w, line_start ? n : n - 1);
      p += n;
    }
  flush_text (w, run);
}

static void
paragraph (OdtWriter  *w,
           const char *style,
           const char *text)
{
  start_with (w, "text:p", "text:style-name", style, NULL);
  write_text (w, text);
  end (w);
}

static void
span (OdtWriter  *w,
      const char *style,
      const char *text)
{
  start_with (w, "text:span", "text:style-name", style, NULL);
  write_text (w, text);
  end (w);
}

/* Styles */

/* Writes attributes given as "name=value;name=value". */
static void
properties (OdtWriter  *w,
            const char *element,
            const char *props)
{
  g_auto(GStrv) pairs = NULL;

  if (props == NULL)
    return;

  pairs = g_strsplit (props, ";", -1);
  start (w, element);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (pairs[i], "=", 2);

      g_assert (pair[0] != NULL && pair[1] != NULL);
      attr (w, pair[0], pair[1]);
    }
  end (w);
}

static void
paragraph_style (OdtWriter  *w,
                 const char *name,
                 const char *display_name,
                 const char *paragraph_props,
                 const char *text_props)
{
  start_with (w, "style:style", "style:name", name, "style:display-name", display_name,
              "style:family", "paragraph", "style:parent-style-name", "Standard", NULL);
  properties (w, "style:paragraph-properties", paragraph_props);
  properties (w, "style:text-properties", text_props);
  end (w);
}

static void
write_font_faces (OdtWriter *w)
{
  start (w, "office:font-face-decls");
  start_with (w, "style:font-face", "style:name", "Liberation Sans",
              "svg:font-family", "'Liberation Sans'", "style:font-family-generic", "swiss", NULL);
  end (w);
  end (w);
}

static void
write_styles (OdtWriter *w)
{
  start (w, "office:styles");
  start_with (w, "style:default-style", "style:family", "paragraph", NULL);
  start_with (w, "style:text-properties", "style:font-name", "Liberation Sans",
              "fo:font-size", "10pt", NULL);
  end (w);
  end (w);
  start_with (w, "style:style", "style:name", "Standard", "style:family", "paragraph", NULL);
  start_with (w, "style:paragraph-properties", "fo:margin-top", "0cm", "fo:margin-bottom", "0.1cm",
              NULL);
  end (w);
  end (w);

  paragraph_style (w, "Title", "Title", "fo:margin-bottom=0.3cm",
                   "fo:font-size=20pt;fo:font-weight=bold");
  paragraph_style (w, "Heading_20_1", "Heading 1",
                   "fo:margin-top=0.8cm;fo:margin-bottom=0.2cm;fo:keep-with-next=always;"
                   "fo:border-top=1.5pt solid #1c71d8;fo:padding-top=0.15cm",
                   "fo:font-size=15pt;fo:font-weight=bold;fo:color=#1a5fb4");
  paragraph_style (w, "Heading_20_2", "Heading 2",
                   "fo:margin-top=0.4cm;fo:margin-bottom=0.1cm;fo:keep-with-next=always",
                   "fo:font-size=11.5pt;fo:font-weight=bold");
  paragraph_style (w, "Note", "Note", NULL, "fo:font-style=italic;fo:color=#5e5c64");
  paragraph_style (w, "Details", "Details", "fo:margin-left=0.6cm", "fo:color=#3d3846");
  paragraph_style (w, "Table_20_Contents", "Table Contents", "fo:margin-bottom=0cm", NULL);
  paragraph_style (w, "Table_20_Heading", "Table Heading", "fo:margin-bottom=0cm",
                   "fo:font-weight=bold");
  paragraph_style (w, "Table_20_Number", "Table Number", "fo:margin-bottom=0cm;fo:text-align=end",
                   NULL);
  paragraph_style (w, "Table_20_Number_20_Heading", "Table Number Heading",
                   "fo:margin-bottom=0cm;fo:text-align=end", "fo:font-weight=bold");
  paragraph_style (w, "Header", "Header", NULL, "fo:font-size=8.5pt;fo:color=#5e5c64");
  paragraph_style (w, "Footer", "Footer", NULL, "fo:font-size=8.5pt;fo:color=#5e5c64");

  start_with (w, "style:style", "style:name", "Strong", "style:display-name", "Strong Emphasis",
              "style:family", "text", NULL);
  start_with (w, "style:text-properties", "fo:font-weight", "bold", NULL);
  end (w);
  end (w);
  end (w);
}

static void
column_style (OdtWriter  *w,
              const char *name,
              double      cm)
{
  g_autofree char *width = g_strdup_printf ("%.2fcm", cm);

  start_with (w, "style:style", "style:name", name, "style:family", "table-column", NULL);
  start_with (w, "style:table-column-properties", "style:column-width", width, NULL);
  end (w);
  end (w);
}

static void
cell_style (OdtWriter  *w,
            const char *name,
            const char *border)
{
  start_with (w, "style:style", "style:name", name, "style:family", "table-cell", NULL);
  start_with (w, "style:table-cell-properties", "fo:padding-top", "0.03cm",
              "fo:padding-bottom", "0.03cm", "fo:padding-left", "0cm", "fo:padding-right", "0.25cm",
              "fo:border-bottom", border, NULL);
  end (w);
  end (w);
}

static void
table_style (OdtWriter  *w,
             const char *name,
             double      cm)
{
  g_autofree char *width = g_strdup_printf ("%.2fcm", cm);

  start_with (w, "style:style", "style:name", name, "style:family", "table", NULL);
  start_with (w, "style:table-properties", "style:width", width, "table:align", "left",
              "fo:margin-top", "0.1cm", "fo:margin-bottom", "0.2cm", NULL);
  end (w);
  end (w);
}

static gboolean
is_letter (const char *paper_size)
{
  return g_strcmp0 (paper_size, "letter") == 0;
}

static void
write_page_layout (OdtWriter  *w,
                   const char *paper_size)
{
  gboolean letter = is_letter (paper_size);

  start_with (w, "style:page-layout", "style:name", "Page", NULL);
  start_with (w, "style:page-layout-properties",
              "fo:page-width", letter ? "8.5in" : "21cm",
              "fo:page-height", letter ? "11in" : "29.7cm",
              "style:print-orientation", "portrait",
              "fo:margin-top", "1.5cm", "fo:margin-bottom", "1.5cm",
              "fo:margin-left", "2cm", "fo:margin-right", "2cm", NULL);
  end (w);
  start (w, "style:header-style");
  start_with (w, "style:header-footer-properties", "fo:min-height", "0cm",
              "fo:margin-bottom", "0.5cm", NULL);
  end (w);
  end (w);
  start (w, "style:footer-style");
  start_with (w, "style:header-footer-properties", "fo:min-height", "0cm",
              "fo:margin-top", "0.5cm", NULL);
  end (w);
  end (w);
  end (w);
}

static void
write_table_styles (OdtWriter  *w,
                    const char *paper_size)
{
  double text_width = is_letter (paper_size) ? LETTER_TEXT_CM : A4_TEXT_CM;

  /* The tally of activities is narrow; the list of entries fills the line. */
  table_style (w, "Tally", 8.0);
  column_style (w, "TallyWide", 4.4);
  column_style (w, "TallyNumber", 1.8);
  table_style (w, "Entries", text_width);
  column_style (w, "EntriesDate", 3.6);
  column_style (w, "EntriesKind", 3.3);
  column_style (w, "EntriesCount", 1.8);
  column_style (w, "EntriesTitle", text_width - 3.6 - 3.3 - 1.8);
  cell_style (w, "Cell", "none");
  cell_style (w, "HeadCell", "0.5pt solid #77767b");
  /* A row stays on one page. */
  start_with (w, "style:style", "style:name", "Row", "style:family", "table-row", NULL);
  start_with (w, "style:table-row-properties", "fo:keep-together", "always", NULL);
  end (w);
  end (w);
}

/* "Page N of M" with fields the word processor fills in: the sentence is
 * the one the PDF's footer uses, cut at its two numbers. */
static void
write_page_numbers (OdtWriter *w)
{
  /* Translators: the footer of a page of a report */
  g_auto(GStrv) parts = g_strsplit (_("Page %u of %u"), "%u", 3);

  if (g_strv_length (parts) != 3)
    {
      g_clear_pointer (&parts, g_strfreev);
      parts = g_strsplit ("Page %u of %u", "%u", 3);
    }
  write_text (w, parts[0]);
  start (w, "text:page-number");
  write_text (w, "1");
  end (w);
  write_text (w, parts[1]);
  start (w, "text:page-count");
  write_text (w, "1");
  end (w);
  write_text (w, parts[2]);
}

static void
write_master (OdtWriter *w,
              CwReport  *report)
{
  g_autofree char *title = cw_report_title (report);
  g_autofree char *group = cw_report_clean_text (report->profile->name);
  g_autofree char *made = cw_report_date_text (report->made);
  g_autofree char *header = *group != '\0' ? g_strdup_printf ("%s · %s", group, title)
                                           : g_strdup (title);
  g_autofree char *made_text = g_strdup_printf (_("Made on %s"), made);

  start (w, "office:master-styles");
  start_with (w, "style:master-page", "style:name", "Standard", "style:page-layout-name", "Page",
              NULL);
  start (w, "style:header");
  paragraph (w, "Header", header);
  end (w);
  start (w, "style:footer");
  start_with (w, "text:p", "text:style-name", "Footer", NULL);
  write_page_numbers (w);
  write_text (w, " · ");
  write_text (w, made_text);
  end (w);
  end (w);
  end (w);
  end (w);
}

/* The body */

static void
write_cell (OdtWriter           *w,
            const CwReportBlock *table,
            guint                row,
            guint                column,
            const char          *text)
{
  gboolean number = row > 0 && cw_report_block_is_numeric (table, column) &&
                    *text != '\0' && strspn (text, "0123456789") == strlen (text);

  gboolean right = cw_report_block_is_numeric (table, column);

  start_with (w, "table:table-cell", "table:style-name", row == 0 ? "HeadCell" : "Cell",
              "office:value-type", number ? "float" : "string", NULL);
  if (number)
    attr (w, "office:value", text);
  paragraph (w, row == 0 ? (right ? "Table_20_Number_20_Heading" : "Table_20_Heading")
                : (right ? "Table_20_Number" : "Table_20_Contents"), text);
  end (w);
}

static void
write_columns (OdtWriter *w,
               guint      n_columns)
{
  static const char * const tally[] = { "TallyWide", "TallyNumber", "TallyNumber" };
  static const char * const entries[] = { "EntriesDate", "EntriesKind", "EntriesCount",
                                          "EntriesTitle" };

  for (guint c = 0; c < n_columns; c++)
    {
      start_with (w, "table:table-column", "table:style-name",
                  n_columns == 3 ? tally[c] : n_columns == 4 ? entries[c] : "", NULL);
      end (w);
    }
}

static void
write_table (OdtWriter           *w,
             const CwReportBlock *table)
{
  guint n_columns = g_strv_length (g_ptr_array_index (table->rows, 0));
  g_autofree char *name = g_strdup_printf ("Table%u", ++w->n_tables);

  start_with (w, "table:table", "table:name", name,
              "table:style-name", n_columns == 3 ? "Tally" : "Entries", NULL);
  write_columns (w, n_columns);
  for (guint r = 0; r < table->rows->len; r++)
    {
      GStrv row = g_ptr_array_index (table->rows, r);

      if (r == 0)
        start (w, "table:table-header-rows");
      start_with (w, "table:table-row", "table:style-name", "Row", NULL);
      for (guint c = 0; c < n_columns; c++)
        write_cell (w, table, r, c, row[c] != NULL ? row[c] : "");
      end (w);
      if (r == 0)
        end (w);
    }
  end (w);
}

static void
write_heading (OdtWriter  *w,
               guint       level,
               const char *text)
{
  start_with (w, "text:h", "text:style-name", level == 1 ? "Heading_20_1" : "Heading_20_2",
              "text:outline-level", level == 1 ? "1" : "2", NULL);
  write_text (w, text);
  end (w);
}

static void
write_labelled (OdtWriter  *w,
                const char *label,
                const char *separator,
                const char *text)
{
  g_autofree char *lead = g_strconcat (label, separator, NULL);

  start_with (w, "text:p", "text:style-name", "Standard", NULL);
  span (w, "Strong", lead);
  write_text (w, text);
  end (w);
}

static void
write_block (OdtWriter           *w,
             const CwReportBlock *block)
{
  g_auto(GStrv) paragraphs = NULL;

  switch (block->kind)
    {
    case CW_REPORT_BLOCK_TITLE:
      paragraph (w, "Title", block->text);
      break;
    case CW_REPORT_BLOCK_SECTION:
      write_heading (w, 1, block->text);
      break;
    case CW_REPORT_BLOCK_HEADING:
      write_heading (w, 2, block->text);
      break;
    case CW_REPORT_BLOCK_FIELD:
      write_labelled (w, block->label, ": ", block->text);
      break;
    case CW_REPORT_BLOCK_ITEM:
      write_labelled (w, block->label, "  ", block->text);
      if (block->detail != NULL)
        paragraph (w, "Details", block->detail);
      break;
    case CW_REPORT_BLOCK_PARAGRAPHS:
      paragraphs = cw_report_split_paragraphs (block->text);
      for (guint i = 0; paragraphs[i] != NULL; i++)
        paragraph (w, "Standard", paragraphs[i]);
      break;
    case CW_REPORT_BLOCK_NOTE:
      paragraph (w, "Note", block->text);
      break;
    case CW_REPORT_BLOCK_TABLE:
      write_table (w, block);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
write_meta (OdtWriter *w,
            CwReport  *report)
{
  g_autofree char *title = cw_report_title (report);

  start (w, "office:meta");
  start (w, "meta:generator");
  write_text (w, "Casework");
  end (w);
  start (w, "dc:title");
  write_text (w, title);
  end (w);
  /* ODF wants a date and time: the start of the day it was made. */
  start (w, "dc:date");
  write_text (w, report->made);
  write_text (w, "T00:00:00");
  end (w);
  end (w);
}

static void
write_body (OdtWriter *w,
            CwReport  *report)
{
  start (w, "office:body");
  start (w, "office:text");
  for (guint part = 0; part < cw_report_outline_n_parts (report); part++)
    {
      g_autoptr(GPtrArray) outline = cw_report_outline_part (report, part);

      for (guint i = 0; i < outline->len; i++)
        write_block (w, g_ptr_array_index (outline, i));
    }
  end (w);
  end (w);
}

/* The document, or one part of the package: its root, then what the part
 * holds, in the order the schema puts it in. */
static void
write_office_document (OdtWriter *w)
{
  static const char * const roots[] = {
    [ODT_FLAT] = "office:document",
    [ODT_CONTENT] = "office:document-content",
    [ODT_STYLES] = "office:document-styles",
    [ODT_META] = "office:document-meta",
  };
  CwReport *report = w->report;
  const char *paper_size = report->profile->paper_size;
  gboolean flat = w->part == ODT_FLAT;
  gboolean content = flat || w->part == ODT_CONTENT;
  gboolean styles = flat || w->part == ODT_STYLES;

  g_assert (w->part < G_N_ELEMENTS (roots) && roots[w->part] != NULL);

  start_with (w, roots[w->part],
              "xmlns:office", NS_OFFICE, "xmlns:style", NS_STYLE, "xmlns:text", NS_TEXT,
              "xmlns:table", NS_TABLE, "xmlns:fo", NS_FO, "xmlns:meta", NS_META,
              "xmlns:dc", NS_DC, "xmlns:svg", NS_SVG, "office:version", "1.2", NULL);
  if (flat)
    attr (w, "office:mimetype", MIMETYPE_TEXT);
  if (flat || w->part == ODT_META)
    write_meta (w, report);
  if (content || styles)
    {
      write_font_faces (w);
      if (styles)
        write_styles (w);
      start (w, "office:automatic-styles");
      if (styles)
        write_page_layout (w, paper_size);
      if (content)
        write_table_styles (w, paper_size);
      end (w);
    }
  if (styles)
    write_master (w, report);
  if (content)
    write_body (w, report);
  end (w);
}

/* The package's list of its parts and what each holds. */
static void
write_manifest (OdtWriter *w)
{
  start_with (w, "manifest:manifest", "xmlns:manifest", NS_MANIFEST, "manifest:version", "1.2",
              NULL);
  start_with (w, "manifest:file-entry", "manifest:full-path", "/", "manifest:version", "1.2",
              "manifest:media-type", MIMETYPE_TEXT, NULL);
  end (w);
  for (guint i = 0; i < G_N_ELEMENTS (package_parts); i++)
    if (package_parts[i].part != ODT_MANIFEST)
      {
        start_with (w, "manifest:file-entry", "manifest:full-path", package_parts[i].path,
                    "manifest:media-type", "text/xml", NULL);
        end (w);
      }
  end (w);
}

static void
write_document (OdtWriter *w)
{
  check (w, xmlTextWriterStartDocument (w->xml, NULL, "UTF-8", NULL));
  if (w->part == ODT_MANIFEST)
    write_manifest (w);
  else
    write_office_document (w);
  check (w, xmlTextWriterEndDocument (w->xml));
}

/* Writes one XML document of the report into @out. */
static gboolean
write_xml (CwReport       *report,
           OdtPart         part,
           GOutputStream  *out,
           GError        **error)
{
  OdtWriter w = { NULL, report, part, out, NULL, FALSE, 0 };
  xmlOutputBufferPtr buffer;

  buffer = xmlOutputBufferCreateIO (write_cb, NULL, &w, NULL);
  w.xml = buffer != NULL ? xmlNewTextWriter (buffer) : NULL;
  if (w.xml == NULL)
    {
      if (buffer != NULL)
        xmlOutputBufferClose (buffer);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Could not write the report: out of memory"));
      return FALSE;
    }

  write_document (&w);
  check (&w, xmlTextWriterFlush (w.xml));
  xmlFreeTextWriter (w.xml);

  if (w.error != NULL)
    {
      g_propagate_prefixed_error (error, w.error, _("Could not write the report: "));
      return FALSE;
    }
  if (w.failed)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Could not write the report as OpenDocument text"));
      return FALSE;
    }
  return TRUE;
}

/**
 * cw_report_write_fodt:
 * @out: where the document goes; it is not closed
 *
 * Writes the report as a flat OpenDocument text document (.fodt): one
 * XML file, which LibreOffice opens.
 */
gboolean
cw_report_write_fodt (CwReport       *self,
                      GOutputStream  *out,
                      GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  return write_xml (self, ODT_FLAT, out, error);
}

/**
 * cw_report_write_odt:
 * @out: where the package goes; it is not closed
 *
 * Writes the report as an OpenDocument text package (.odt), which Word
 * opens as well as LibreOffice: a ZIP archive that starts with its
 * mimetype, stored, as ODF 1.2 asks, then its XML parts, deflated. Every
 * entry is dated the day the report was made, so the same report gives
 * the same bytes.
 */
gboolean
cw_report_write_odt (CwReport       *self,
                     GOutputStream  *out,
                     GError        **error)
{
  g_autoptr(CwZipWriter) zip = NULL;
  g_autoptr(GError) zip_error = NULL;
  guint year = 0, month = 0, day = 0;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if (self->made == NULL || sscanf (self->made, "%4u-%2u-%2u", &year, &month, &day) != 3)
    year = month = day = 0;   /* taken as 1 January 1980 */
  zip = cw_zip_writer_new (out, year, month, day);

  ok = cw_zip_writer_add (zip, "mimetype", MIMETYPE_TEXT, strlen (MIMETYPE_TEXT), CW_ZIP_STORED,
                          &zip_error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (package_parts); i++)
    {
      g_autoptr(GOutputStream) part = g_memory_output_stream_new_resizable ();
      GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (part);

      if (!write_xml (self, package_parts[i].part, part, error))
        return FALSE;
      ok = cw_zip_writer_add (zip, package_parts[i].path, g_memory_output_stream_get_data (memory),
                              g_memory_output_stream_get_data_size (memory), CW_ZIP_DEFLATED,
                              &zip_error);
    }
  if (ok && cw_zip_writer_finish (zip, &zip_error))
    return TRUE;

  g_propagate_prefixed_error (error, g_steal_pointer (&zip_error), _("Could not write the report: "));
  return FALSE;
}
