/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casework-cli"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>

#include "cw-casefile.h"
#include "cw-cli.h"

/* casework-cli: the same core as the window, for scripts, tests and people
 * without a desktop. */

typedef struct {
  const char *name;
  const char *summary;
  CwExit (*run) (const CwCliGlobals *globals, int argc, char **argv);
} Command;

static const Command commands[] = {
  { "list", N_("List the cases as tab-separated values"), cw_cli_list },
  { "import", N_("Import casefile documents"), cw_cli_import },
  { "export", N_("Export cases as a casefile document"), cw_cli_export },
  { "letters", N_("Write a meeting’s appeal letters as a PDF"), cw_cli_letters },
  { "report", N_("Write the yearly activity report"), cw_cli_report },
  { "backup", N_("Write a backup of the whole database"), cw_cli_backup },
  { "restore", N_("Replace the database’s records with a backup"), cw_cli_restore },
};

CwExit
cw_cli_usage_error (GOptionContext *context,
                    const char     *message)
{
  g_autofree char *prgname = g_strdup (g_get_prgname ());

  g_printerr ("%s: %s\n", prgname, message);
  g_printerr (_("Try “%s --help” for more information.\n"), prgname);
  return CW_EXIT_USAGE;
}

/* Input that was refused exits 2; anything else that went wrong, 1. */
CwExit
cw_cli_exit_for_error (const GError *error)
{
  if (error->domain == CW_CASEFILE_ERROR)
    return error->code == CW_CASEFILE_ERROR_IO ? CW_EXIT_FAILURE : CW_EXIT_REFUSED;
  if (error->domain == CW_STORE_ERROR &&
      (error->code == CW_STORE_ERROR_INVALID || error->code == CW_STORE_ERROR_NOT_FOUND))
    return CW_EXIT_REFUSED;
  return CW_EXIT_FAILURE;
}

/* --db FILE, else $CASEWORK_DB or the user's data directory. */
char *
cw_cli_store_path (const CwCliGlobals *globals)
{
  return globals->db_path != NULL ? g_strdup (globals->db_path) : cw_store_default_path ();
}

CwStore *
cw_cli_open_store (const CwCliGlobals *globals,
                   CwExit             *exit_code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  CwStore *store;

  path = cw_cli_store_path (globals);
  store = cw_store_open (path, &error);
  if (store == NULL)
    {
      g_printerr ("casework-cli: %s\n", error->message);
      *exit_code = CW_EXIT_FAILURE;
      return NULL;
    }

  if (cw_store_get_read_only (store))
    g_printerr ("%s: %s\n", path, cw_store_get_read_only_reason (store));

  *exit_code = CW_EXIT_OK;
  return store;
}

/* For the commands that read a database: one that is not there is a
 * mistyped --db or $CASEWORK_DB more often than a new one, and opening it
 * would only make an empty one. */
CwStore *
cw_cli_open_existing_store (const CwCliGlobals *globals,
                            CwExit             *exit_code)
{
  g_autofree char *path = cw_cli_store_path (globals);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("There is no database at “%s”: check --db, or import a casefile to "
                    "start one\n"), path);
      *exit_code = CW_EXIT_FAILURE;
      return NULL;
    }
  return cw_cli_open_store (globals, exit_code);
}

static char *
describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "\n  %-10s %s", commands[i].name, _(commands[i].summary));

  g_string_append_printf (text, "\n\n%s",
                          _("The database is --db FILE, else $CASEWORK_DB, else "
                            "$XDG_DATA_HOME/casework/casework.db.\n"
                            "Exit status: 0 done, 1 failure, 2 input refused (nothing "
                            "changed), 64 usage error."));
  return g_string_free (text, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *description = NULL;
  gboolean version = FALSE;
  CwCliGlobals globals = { NULL };
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("Use the database FILE"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and exit"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("casework-cli");

  context = g_option_context_new (_("COMMAND [ARGUMENTS…]"));
  g_option_context_set_summary (context, _("Keep a record of human-rights cases: the command line."));
  description = describe_commands ();
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Options after the command belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cw_cli_usage_error (context, error->message);

  if (version)
    {
      g_print ("casework-cli %s\n", PACKAGE_VERSION);
      return CW_EXIT_OK;
    }

  if (argc < 2)
    return cw_cli_usage_error (context, _("no command given"));

  globals.db_path = db_path;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (argv[1], commands[i].name) == 0)
      return commands[i].run (&globals, argc - 1, argv + 1);

  {
    g_autofree char *message = g_strdup_printf (_("unknown command “%s”"), argv[1]);

    return cw_cli_usage_error (context, message);
  }
}
