/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casework-cli"

#include <glib/gi18n-lib.h>

#include "cw-cli.h"

/* `backup -o FILE`: a consistent copy of the whole database, written to
 * FILE only once it is complete.
 *
 * `restore FILE [--yes]`: replaces everything in the database with the
 * backup FILE. The backup is checked first, and a refused backup exits 2
 * with nothing changed. Without --yes, nothing is touched: it says what the
 * backup holds and what a restore would do, and exits 1, so that a script
 * that forgot --yes does not take "done" for an answer. With --yes, a
 * safety copy of the database is kept beside it before the backup replaces
 * its records. */

static char *
database_path (const CwCliGlobals *globals)
{
  return globals->db_path != NULL ? g_strdup (globals->db_path) : cw_store_default_path ();
}

CwExit
cw_cli_backup (const CwCliGlobals  *globals,
               int                  argc,
               char               **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autofree char *output = NULL;
  g_autofree char *path = NULL;
  CwExit exit_code;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the backup to FILE (replaced once the backup is complete)"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Write a backup of the whole database."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_set_prgname ("casework-cli backup");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cw_cli_usage_error (context, error->message);
  if (argc > 1)
    return cw_cli_usage_error (context, _("backup takes no arguments; use -o FILE"));
  if (output == NULL)
    return cw_cli_usage_error (context, _("say where the backup goes with -o FILE"));

  /* Backing up a database that is not there would only make an empty one. */
  path = database_path (globals);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("There is no database at “%s”; nothing was backed up\n"), path);
      return CW_EXIT_FAILURE;
    }

  store = cw_cli_open_store (globals, &exit_code);
  if (store == NULL)
    return exit_code;

  if (!cw_store_backup (store, output, &error))
    {
      g_printerr ("%s\n", error->message);
      return cw_cli_exit_for_error (error);
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Backed up %u case to “%s”.\n",
                        "Backed up %u cases to “%s”.\n", cw_store_count_cases (store)),
           cw_store_count_cases (store), output);
  return CW_EXIT_OK;
}

static void
print_info (const char         *file,
            const CwBackupInfo *info)
{
  g_print (_("“%s” is a sound Casework backup (database version %d).\n"), file,
           info->schema_version);
  g_print (g_dngettext (GETTEXT_PACKAGE, "It holds %u case", "It holds %u cases", info->n_cases),
           info->n_cases);
  g_print (g_dngettext (GETTEXT_PACKAGE, " and %u timeline entry", " and %u timeline entries",
                        info->n_entries), info->n_entries);
  if (info->last_changed != NULL)
    g_print (_("; a case last changed on %.10s"), info->last_changed);
  g_print (".\n");
}

CwExit
cw_cli_restore (const CwCliGlobals  *globals,
                int                  argc,
                char               **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;
  g_auto(CwBackupInfo) info = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *safety = NULL;
  gboolean yes = FALSE;
  const char *file;
  CwExit exit_code;
  const GOptionEntry entries[] = {
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes,
      N_("Replace the records now (without it, only say what would happen)"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE"));
  g_option_context_set_summary (context,
                                _("Replace everything in the database with a backup. A copy of "
                                  "the records as they are now is kept beside the database."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_set_prgname ("casework-cli restore");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cw_cli_usage_error (context, error->message);
  if (argc != 2)
    return cw_cli_usage_error (context, _("restore takes one backup FILE"));
  file = argv[1];
  path = database_path (globals);

  /* The backup is checked before anything is opened or changed. */
  if (!cw_store_check_backup (file, &info, &error))
    {
      g_printerr ("%s\n", error->message);
      g_printerr ("%s\n", _("Nothing was restored."));
      return CW_EXIT_REFUSED;
    }

  print_info (file, &info);

  if (!yes)
    {
      g_print (_("Restoring it replaces everything in “%s”; a copy of what is there now is "
                 "kept beside it.\n"), path);
      g_printerr ("%s\n", _("Nothing was restored: run again with --yes to restore."));
      return CW_EXIT_FAILURE;
    }

  store = cw_cli_open_store (globals, &exit_code);
  if (store == NULL)
    return exit_code;

  if (!cw_store_restore_from (store, file, &safety, &error))
    {
      g_printerr ("%s\n", error->message);
      /* A backup refused at the second look changed nothing either. */
      return error->domain == CW_STORE_ERROR && error->code == CW_STORE_ERROR_NOT_CASEWORK
               ? CW_EXIT_REFUSED : CW_EXIT_FAILURE;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Restored %u case from “%s”.\n",
                        "Restored %u cases from “%s”.\n", cw_store_count_cases (store)),
           cw_store_count_cases (store), file);
  g_print (_("What was there before is kept in “%s”.\n"), safety);
  return CW_EXIT_OK;
}
