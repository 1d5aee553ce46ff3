/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casework-cli"

#include <glib/gi18n-lib.h>
#include <gio/gunixoutputstream.h>

#include "cw-cli.h"
#include "cw-report.h"

/* `report --year YYYY [--case ID]... [--include-private] --format pdf|odt|fodt|html|txt -o FILE`:
 * the yearly activity report for the country coordinator. A file is
 * replaced only once the whole report has been written. */

typedef struct {
  char *year;
  GStrv ids;
  gboolean include_private;
  char *format;
  char *output;
} ReportOptions;

static void
report_options_clear (ReportOptions *options)
{
  g_free (options->year);
  g_strfreev (options->ids);
  g_free (options->format);
  g_free (options->output);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReportOptions, report_options_clear)

/* The format named by --format, else by the output file's name; plain
 * text when the report goes to standard output. */
static gboolean
pick_format (GOptionContext       *context,
             const ReportOptions  *options,
             CwReportFormat       *format,
             CwExit               *exit_code)
{
  g_autofree char *message = NULL;
  CwReportFormat named;
  gboolean name_says;

  name_says = options->output != NULL &&
              cw_report_format_from_file_name (options->output, &named);

  if (options->format != NULL)
    {
      if (!cw_report_format_from_name (options->format, format))
        message = g_strdup_printf (_("“%s” is not a report format: use pdf, odt, fodt, html or "
                                     "txt"), options->format);
      else if (name_says && named != *format)
        message = g_strdup_printf (_("--format %s and the name “%s” ask for different formats: "
                                     "give the file the format’s extension, or leave out "
                                     "--format"), options->format, options->output);
      else
        return TRUE;
    }
  else if (name_says)
    {
      *format = named;
      return TRUE;
    }
  else if (options->output == NULL)
    {
      *format = CW_REPORT_FORMAT_TEXT;
      return TRUE;
    }
  else
    message = g_strdup_printf (_("“%s” does not end in a report format’s extension (.pdf, "
                                 ".odt, .fodt, .html, .txt): say which format with --format"),
                               options->output);

  *exit_code = cw_cli_usage_error (context, message);
  return FALSE;
}

static gboolean
parse_year (const char *text,
            guint      *year)
{
  CwDate date;

  if (!cw_date_parse (text, &date, NULL) || date.precision != CW_DATE_PRECISION_YEAR)
    return FALSE;
  *year = date.year;
  return TRUE;
}

static gboolean
write_report (CwStore        *store,
              CwReport       *report,
              CwReportFormat  format,
              const char     *output,
              GError        **error)
{
  g_autoptr(GOutputStream) out = NULL;

  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      return cw_store_check_output_file (store, file, error) &&
             cw_report_write_to_file (report, format, file, error);
    }

  out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  return cw_report_write (report, format, out, error) && g_output_stream_flush (out, NULL, error);
}

static CwExit
run_report (const CwCliGlobals  *globals,
            const ReportOptions *options,
            guint                year,
            CwReportFormat       format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(CwReport) report = NULL;
  CwExit exit_code;

  store = cw_cli_open_existing_store (globals, &exit_code);
  if (store == NULL)
    return exit_code;

  report = cw_report_build (store, year, (const char * const *) options->ids,
                            options->include_private, &error);
  if (report == NULL || !write_report (store, report, format, options->output, &error))
    {
      g_printerr ("%s\n", error->message);
      return cw_cli_exit_for_error (error);
    }

  if (report->cases->len == 0)
    g_printerr (_("No case was open in %u: the report lists none.\n"), year);
  return CW_EXIT_OK;
}

CwExit
cw_cli_report (const CwCliGlobals  *globals,
               int                  argc,
               char               **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ReportOptions) options = { NULL };
  CwReportFormat format = CW_REPORT_FORMAT_TEXT;
  CwExit exit_code;
  guint year = 0;
  const GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &options.year, N_("Report on the year YYYY"), N_("YYYY") },
    { "case", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.ids,
      N_("Report on this case (repeat for more; every case open in the year if none is given)"),
      N_("ID") },
    { "include-private", 0, 0, G_OPTION_ARG_NONE, &options.include_private,
      N_("Put the group’s private timeline entries in too"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &options.format,
      N_("pdf, odt (OpenDocument text, which Word and LibreOffice open), fodt (flat "
         "OpenDocument, one XML file), html or txt; else taken from FILE’s name"),
      N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Write the yearly activity report for the country "
                                           "coordinator."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_set_prgname ("casework-cli report");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cw_cli_usage_error (context, error->message);
  if (argc > 1)
    return cw_cli_usage_error (context, _("report takes no arguments; use --case ID"));
  if (options.year == NULL)
    return cw_cli_usage_error (context, _("say which year with --year YYYY"));
  if (!pick_format (context, &options, &format, &exit_code))
    return exit_code;

  if (!parse_year (options.year, &year))
    {
      g_printerr (_("“%s” is not a year: write it as YYYY, e.g. 2025\n"), options.year);
      return CW_EXIT_REFUSED;
    }

  return run_report (globals, &options, year, format);
}
