/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-report"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-output-file.h"
#include "cw-report-document.h"
#include "cw-report-private.h"

/* The report's formats, its name, and writing it to a stream or a file. */

typedef struct {
  CwReportFormat format;
  const char *name;        /* as the command line takes it */
  const char *extension;   /* the one a new file gets */
} FormatInfo;

static const FormatInfo formats[] = {
  { CW_REPORT_FORMAT_PDF, "pdf", "pdf" },
  { CW_REPORT_FORMAT_ODT, "odt", "odt" },
  { CW_REPORT_FORMAT_FODT, "fodt", "fodt" },
  { CW_REPORT_FORMAT_HTML, "html", "html" },
  { CW_REPORT_FORMAT_TEXT, "txt", "txt" },
};

gboolean
cw_report_format_from_name (const char     *name,
                            CwReportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (formats[i].name, name) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }
  return FALSE;
}

/* The format a file's name asks for: .pdf, .odt, .fodt, .html or .htm, .txt. */
gboolean
cw_report_format_from_file_name (const char     *file_name,
                                 CwReportFormat *format)
{
  const char *dot;

  g_return_val_if_fail (format != NULL, FALSE);

  dot = file_name != NULL ? strrchr (file_name, '.') : NULL;
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;
  if (g_ascii_strcasecmp (dot, ".htm") == 0)
    {
      *format = CW_REPORT_FORMAT_HTML;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (dot + 1, formats[i].extension) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }
  return FALSE;
}

const char *
cw_report_format_extension (CwReportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return formats[i].extension;
  g_return_val_if_reached (NULL);
}

/* "Yearly activity report 2025" */
char *
cw_report_title (CwReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_strdup_printf (_("Yearly activity report %u"), self->year);
}

/* The name a new file of the report gets: "Yearly report 2025.pdf". */
char *
cw_report_file_name (CwReport       *self,
                     CwReportFormat  format)
{
  g_return_val_if_fail (self != NULL, NULL);

  /* Translators: a file name; keep it short */
  return g_strdup_printf (_("Yearly report %u.%s"), self->year, cw_report_format_extension (format));
}

gboolean
cw_report_write_string (GOutputStream  *out,
                        GString        *text,
                        GError        **error)
{
  if (g_output_stream_write_all (out, text->str, text->len, NULL, NULL, error))
    return TRUE;

  g_prefix_error (error, _("Could not write the report: "));
  return FALSE;
}

/**
 * cw_report_write_pdf:
 *
 * Lays the report out on the group's paper and writes it as a PDF.
 */
gboolean
cw_report_write_pdf (CwReport       *self,
                     GOutputStream  *out,
                     GError        **error)
{
  g_autoptr(CwReportDocument) document = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  document = cw_report_document_new (self);
  title = cw_report_title (self);
  return cw_document_write_pdf (CW_DOCUMENT (document), self->profile->paper_size, title, out,
                                error);
}

gboolean
cw_report_write (CwReport        *self,
                 CwReportFormat   format,
                 GOutputStream   *out,
                 GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  switch (format)
    {
    case CW_REPORT_FORMAT_PDF:
      return cw_report_write_pdf (self, out, error);
    case CW_REPORT_FORMAT_ODT:
      return cw_report_write_odt (self, out, error);
    case CW_REPORT_FORMAT_FODT:
      return cw_report_write_fodt (self, out, error);
    case CW_REPORT_FORMAT_HTML:
      return cw_report_write_html (self, out, error);
    case CW_REPORT_FORMAT_TEXT:
      return cw_report_write_text (self, out, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

typedef struct {
  CwReport *report;
  CwReportFormat format;
} ReportOutput;

static gboolean
write_report_cb (GOutputStream  *out,
                 gpointer        data,
                 GError        **error)
{
  ReportOutput *output = data;

  return cw_report_write (output->report, output->format, out, error);
}

/**
 * cw_report_write_to_file:
 *
 * Writes the report into @file, which is replaced only once the whole
 * report has been written: on failure a file that was there is left as
 * it was, and a new one is not left behind.
 */
gboolean
cw_report_write_to_file (CwReport        *self,
                         CwReportFormat   format,
                         GFile           *file,
                         GError         **error)
{
  ReportOutput output = { self, format };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return cw_output_file_write (file, G_FILE_CREATE_PRIVATE, write_report_cb, &output, error);
}
