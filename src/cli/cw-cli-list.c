/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casework-cli"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "cw-cli.h"

/* `list`: one case per line, tab-separated, with a header line. Tabs,
 * line breaks and backslashes inside a value are written as \t, \n, \r and
 * \\, so every line is one case. */

static void
put_field (GString    *line,
           const char *value)
{
  if (line->len > 0)
    g_string_append_c (line, '\t');

  for (const char *p = value != NULL ? value : ""; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\t':
          g_string_append (line, "\\t");
          break;
        case '\n':
          g_string_append (line, "\\n");
          break;
        case '\r':
          g_string_append (line, "\\r");
          break;
        case '\\':
          g_string_append (line, "\\\\");
          break;
        default:
          g_string_append_c (line, *p);
        }
    }
}

CwExit
cw_cli_list (const CwCliGlobals  *globals,
             int                  argc,
             char               **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *status_word = NULL;
  int status = -1;
  CwExit exit_code;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_word,
      N_("Only cases with this status: active, paused or closed"), N_("STATUS") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("List the cases: id, title, type, status, country, updated."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_set_prgname ("casework-cli list");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cw_cli_usage_error (context, error->message);
  if (argc > 1)
    return cw_cli_usage_error (context, _("list takes no arguments"));

  if (status_word != NULL && !cw_enum_from_nick (CW_TYPE_CASE_STATUS, status_word, &status))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a status: use active, paused or closed"), status_word);

      return cw_cli_usage_error (context, message);
    }

  store = cw_cli_open_existing_store (globals, &exit_code);
  if (store == NULL)
    return exit_code;

  cases = cw_store_list_cases (store, &error);
  if (cases == NULL)
    {
      g_printerr ("%s: %s\n", cw_store_get_path (store), error->message);
      return CW_EXIT_FAILURE;
    }

  g_print ("id\ttitle\ttype\tstatus\tcountry\tupdated\n");
  for (guint i = 0; i < cases->len; i++)
    {
      CwCase *kase = g_ptr_array_index (cases, i);

      if (status >= 0 && cw_case_get_status (kase) != (CwCaseStatus) status)
        continue;

      g_string_truncate (line, 0);
      put_field (line, cw_case_get_id (kase));
      put_field (line, cw_case_get_title (kase));
      put_field (line, cw_enum_to_nick (CW_TYPE_CASE_TYPE, cw_case_get_case_type (kase)));
      put_field (line, cw_enum_to_nick (CW_TYPE_CASE_STATUS, cw_case_get_status (kase)));
      put_field (line, cw_case_get_country_code (kase));
      put_field (line, cw_case_get_updated (kase));
      g_string_append_c (line, '\n');
      fwrite (line->str, 1, line->len, stdout);
    }

  if (fflush (stdout) != 0)
    {
      g_printerr (_("Could not write the list: %s\n"), g_strerror (errno));
      return CW_EXIT_FAILURE;
    }

  return CW_EXIT_OK;
}
