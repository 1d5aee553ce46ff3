/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casework-cli"

#include <glib/gi18n-lib.h>
#include <gio/gunixoutputstream.h>

#include "cw-casefile-writer.h"
#include "cw-cli.h"

/* `export [--case ID]... [--scope full|public] [-o FILE]`: a casefile
 * document of some cases or all, to a file or to standard output. A file
 * is replaced only once the whole document has been written. */

CwExit
cw_cli_export (const CwCliGlobals  *globals,
               int                  argc,
               char               **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;
  g_auto(GStrv) ids = NULL;
  g_autofree char *scope_word = NULL;
  g_autofree char *output = NULL;
  CwCasefileWriteOptions options = { CW_CASEFILE_SCOPE_FULL };
  int scope = CW_CASEFILE_SCOPE_FULL;
  CwExit exit_code;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "case", 0, 0, G_OPTION_ARG_STRING_ARRAY, &ids,
      N_("Export this case (repeat for more; all cases if none is given)"), N_("ID") },
    { "scope", 0, 0, G_OPTION_ARG_STRING, &scope_word,
      N_("full, or public to leave out safety notes, private entries and contact details"),
      N_("SCOPE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Export cases as a casefile document."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_set_prgname ("casework-cli export");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cw_cli_usage_error (context, error->message);
  if (argc > 1)
    return cw_cli_usage_error (context, _("export takes no arguments; use --case ID"));
  if (scope_word != NULL && !cw_enum_from_nick (CW_TYPE_CASEFILE_SCOPE, scope_word, &scope))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a scope: use full or public"), scope_word);

      return cw_cli_usage_error (context, message);
    }
  options.scope = scope;

  store = cw_cli_open_existing_store (globals, &exit_code);
  if (store == NULL)
    return exit_code;

  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      ok = cw_store_export_casefile_to_file (store, (const char * const *) ids, &options, file,
                                             &error);
    }
  else
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      ok = cw_store_export_casefile (store, (const char * const *) ids, &options, out, &error) &&
           g_output_stream_flush (out, NULL, &error);
    }

  if (!ok)
    {
      g_printerr ("%s\n", error->message);
      return cw_cli_exit_for_error (error);
    }

  return CW_EXIT_OK;
}
