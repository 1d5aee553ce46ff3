/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casework-cli"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cw-casefile-import.h"
#include "cw-cli.h"

/* `import [--dry-run] FILE...`: all the files are stored in one
 * transaction, or none: each case is stored as soon as it is read, and a
 * file found unsound rolls back everything. */

static void
print_titles (const char *label,
              GPtrArray  *titles)
{
  for (guint i = 0; i < titles->len; i++)
    g_print ("  %s %s\n", label, (const char *) g_ptr_array_index (titles, i));
}

static void
print_warnings (CwImportSummary *summary)
{
  for (guint w = 0; w < summary->warnings->len; w++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (summary->warnings, w));
}

static void
print_summary (CwImportSummary *summary,
               gboolean         dry_run)
{
  g_print (dry_run ? _("Would add %u cases and update %u; would add %u timeline entries "
                       "and update %u.\n")
                   : _("Added %u cases and updated %u; added %u timeline entries "
                       "and updated %u.\n"),
           summary->cases_added->len, summary->cases_updated->len,
           summary->entries_added, summary->entries_updated);
  print_titles (_("new:"), summary->cases_added);
  print_titles (_("updated:"), summary->cases_updated);
  print_titles (_("already here, as it is:"), summary->cases_unchanged);
  if (dry_run)
    g_print ("%s\n", _("Nothing was stored (--dry-run)."));
}

static const char * const database_suffixes[] = { "", "-wal", "-shm", "-journal" };

/* Removes @dir and the files in it, which are all of this command's. */
static void
remove_scratch_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static void
ignore_message_cb (const char     *domain,
                   GLogLevelFlags  level,
                   const char     *message,
                   gpointer        data)
{
}

/* A dry run changes nothing on disk either. Into a database that is not
 * there yet, it runs against an empty one of its own; into one that
 * opening would bring up to date, against a copy of it, brought up to date
 * in its place. @scratch_dir is then the folder to remove afterwards. */
static CwStore *
open_for_dry_run (const char  *path,
                  char       **scratch_dir,
                  GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  CwStore *store;
  guint handler;

  dir = g_dir_make_tmp ("casework-dry-run-XXXXXX", error);
  if (dir == NULL)
    return NULL;
  copy = g_build_filename (dir, "casework.db", NULL);

  /* The database and its write-ahead log, which may hold its latest
   * changes; not the shared-memory index, which SQLite makes anew. */
  for (guint i = 0; i < 2 && g_file_test (path, G_FILE_TEST_EXISTS); i++)
    {
      g_autofree char *from_path = g_strconcat (path, database_suffixes[i], NULL);
      g_autofree char *to_path = g_strconcat (copy, database_suffixes[i], NULL);
      g_autoptr(GFile) from = g_file_new_for_path (from_path);
      g_autoptr(GFile) to = g_file_new_for_path (to_path);

      if (g_file_test (from_path, G_FILE_TEST_EXISTS) &&
          !g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
        {
          remove_scratch_dir (dir);
          return NULL;
        }
    }

  /* Bringing the copy up to date says where it keeps its own copy, in a
   * folder about to go: not worth a line. */
  handler = g_log_set_handler ("cw-store", G_LOG_LEVEL_MESSAGE, ignore_message_cb, NULL);
  store = cw_store_open (copy, error);
  g_log_remove_handler ("cw-store", handler);
  if (store == NULL)
    {
      remove_scratch_dir (dir);
      return NULL;
    }
  *scratch_dir = g_steal_pointer (&dir);
  return store;
}

/* A refused import into a database this command made leaves none behind. */
static void
remove_new_database (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (database_suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, database_suffixes[i], NULL);

      g_remove (file);
    }
}

CwExit
cw_cli_import (const CwCliGlobals  *globals,
               int                  argc,
               char               **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) casefiles = NULL;
  g_autofree char *path = NULL;
  g_autofree char *scratch_dir = NULL;
  g_autoptr(CwImportSummary) summary = cw_import_summary_new ();
  gboolean dry_run = FALSE;
  gboolean existed, outdated;
  CwExit exit_code = CW_EXIT_OK;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Show what would be added and updated, and store nothing"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE…"));
  g_option_context_set_summary (context, _("Import casefile documents. Cases already in the "
                                           "database are updated: what a document carries "
                                           "replaces what is stored, and nothing it leaves "
                                           "out is lost."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_set_prgname ("casework-cli import");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cw_cli_usage_error (context, error->message);
  if (argc < 2)
    return cw_cli_usage_error (context, _("no file to import"));

  for (int i = 1; i < argc; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (argv[i]));

  /* Into a database that does not exist yet, or that opening would bring
   * up to date, every file is read first: a refused document must leave
   * neither a new, empty database nor a migrated one behind. */
  path = cw_cli_store_path (globals);
  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  outdated = existed && cw_store_file_needs_update (path);
  if (!existed || outdated)
    {
      casefiles = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_casefile_free);
      for (guint i = 0; i < files->len; i++)
        {
          CwCasefile *casefile = cw_casefile_read_file (g_ptr_array_index (files, i), &error);

          if (casefile == NULL)
            {
              g_printerr ("%s\n%s\n", error->message, _("Nothing was imported."));
              return cw_cli_exit_for_error (error);
            }
          g_ptr_array_add (casefiles, casefile);
        }
    }

  if (dry_run && (!existed || outdated))
    {
      store = open_for_dry_run (path, &scratch_dir, &error);
      if (store == NULL)
        {
          g_printerr ("casework-cli: %s\n", error->message);
          return CW_EXIT_FAILURE;
        }
    }
  else
    {
      store = cw_cli_open_store (globals, &exit_code);
      if (store == NULL)
        return exit_code;
    }

  if (casefiles != NULL
      ? !cw_store_import_casefiles (store, casefiles, dry_run, summary, NULL, NULL, &error)
      : !cw_store_import_files (store, files, dry_run, summary, NULL, NULL, NULL, &error))
    {
      print_warnings (summary);
      g_printerr ("%s\n%s\n", error->message, _("Nothing was imported."));
      exit_code = cw_cli_exit_for_error (error);
      g_clear_object (&store);
      if (!existed && scratch_dir == NULL)
        remove_new_database (path);
    }
  else
    {
      print_warnings (summary);
      print_summary (summary, dry_run);
    }

  g_clear_object (&store);
  if (scratch_dir != NULL)
    remove_scratch_dir (scratch_dir);
  return exit_code;
}
