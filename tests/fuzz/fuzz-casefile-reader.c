/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cw-casefile-import.h"
#include "cw-casefile-reader.h"
#include "cw-casefile-writer.h"

/*
 * libFuzzer target for the casefile reader. Any bytes go to
 * cw_casefile_read(), which must either refuse them with a
 * CW_CASEFILE_ERROR whose message names the document, or accept them.
 *
 * A document it accepts is then imported twice, each time inside a
 * transaction that is always rolled back:
 *  - into an empty database, where it must go in whole: whatever the reader
 *    lets through, the store must take;
 *  - into a database that holds the seed corpus's cases with everything
 *    public scope leaves out, so that re-imports merge; here the store may
 *    refuse (an entry id of another case), but what it takes must export.
 * Each time the cases are exported and the export read back: Casework must
 * read what it writes. Anything else is a crash, which the fuzzer keeps.
 *
 * Built by meson with -Dfuzzing=true and clang; see tests/fuzz/meson.build.
 */

#define NAME "fuzz.xml"

/* The case ids of the seeds (in tests/casefiles and data/samples), each
 * with the private parts a public document must not take away. */
#define STORED_CASE(id, title) \
  "  <case id=\"" id "\" status=\"paused\">\n" \
  "    <title>" title "</title>\n" \
  "    <country code=\"XX\">Stored Country</country>\n" \
  "    <theme>stored-theme</theme>\n" \
  "    <summary>Stored summary.</summary>\n" \
  "    <background>Stored background.</background>\n" \
  "    <safety public-action=\"restricted\"><note>Stored note.</note></safety>\n" \
  "    <coordinator><name>Jo Whitfield</name><email>jo@example.org</email>" \
  "<phone>+44 1</phone></coordinator>\n" \
  "    <holder from=\"2024-11-08\"><name>Ruth Abernethy</name><email>ruth@example.org</email>" \
  "<phone>+44 2</phone><address><line>1 Street</line></address></holder>\n"

static const char stored_cases[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<casefile xmlns=\"http://example.org/ns/casework/casefile/1\" version=\"1.0\">\n"
  STORED_CASE ("5e3b9c71-8d2a-4f06-b4e1-2c7a9d0f6e38", "Stored one")
  "    <entry id=\"5e3b9c71-0001-4a10-8b00-000000000007\" date=\"2025-01\" private=\"true\">"
  "<title>Private</title></entry>\n"
  "    <entry id=\"5e3b9c71-0001-4a10-8b00-0000000000ff\" date=\"2025\"><title>Only here</title></entry>\n"
  "  </case>\n"
  STORED_CASE ("6f1d2c9e-4b7a-4e3f-8a21-93c0d5e7b184", "Stored two")
  "  </case>\n"
  STORED_CASE ("c2d4e6f8-0a1b-4c3d-8e5f-7a9b1c3d5e7f", "Stored three")
  "  </case>\n"
  STORED_CASE ("7a0e5f3c-1d2b-4c6a-9e8f-0a1b2c3d4e5f", "Stored four")
  "  </case>\n"
  "</casefile>\n";

typedef struct {
  CwStore *store;
  char *dir;
} FuzzStore;

static FuzzStore empty_store;
static FuzzStore full_store;

G_GNUC_NORETURN G_GNUC_PRINTF (1, 2)
static void
crash (const char *format,
       ...)
{
  va_list args;

  va_start (args, format);
  g_vfprintf (stderr, format, args);
  va_end (args);
  g_printerr ("\n");
  abort ();
}

static void
open_fuzz_store (FuzzStore *fuzz)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fuzz->dir = g_dir_make_tmp ("casework-fuzz-XXXXXX", &error);
  if (fuzz->dir == NULL)
    crash ("no temporary folder: %s", error->message);
  path = g_build_filename (fuzz->dir, "fuzz.db", NULL);
  fuzz->store = cw_store_open (path, &error);
  if (fuzz->store == NULL)
    crash ("no store: %s", error->message);
}

/* The database and whatever the store put beside it (journal, backups). */
static void
close_fuzz_store (FuzzStore *fuzz)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fuzz->store);
  if (fuzz->dir == NULL)
    return;
  dir = g_dir_open (fuzz->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fuzz->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fuzz->dir);
  g_clear_pointer (&fuzz->dir, g_free);
}

static void
close_stores (void)
{
  close_fuzz_store (&empty_store);
  close_fuzz_store (&full_store);
}

static gboolean
import (CwStore          *store,
        CwCasefile       *casefile,
        CwImportSummary  *summary,
        GError          **error)
{
  g_autoptr(GPtrArray) casefiles = g_ptr_array_new ();

  g_ptr_array_add (casefiles, casefile);
  return cw_store_import_casefiles (store, casefiles, FALSE, summary, NULL, NULL, error);
}

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (stored_cases, sizeof stored_cases - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCasefile) casefile = NULL;
  g_autoptr(CwImportSummary) summary = cw_import_summary_new ();

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_ERROR);

  open_fuzz_store (&empty_store);
  open_fuzz_store (&full_store);
  atexit (close_stores);

  casefile = cw_casefile_read (bytes, "stored.xml", &error);
  if (casefile == NULL || !import (full_store.store, casefile, summary, &error))
    crash ("the stored cases do not import: %s", error->message);
  return 0;
}

/* Exports the cases just imported and reads the export back. */
static void
export_and_read_back (CwStore         *store,
                      CwImportSummary *summary,
                      CwCasefileScope  scope)
{
  CwCasefileWriteOptions options = { scope, "fuzz", "2025-01-01T00:00:00Z", NULL, 0 };
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(CwCasefile) again = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < summary->case_ids->len; i++)
    g_ptr_array_add (ids, g_ptr_array_index (summary->case_ids, i));
  g_ptr_array_add (ids, NULL);

  if (!cw_store_export_casefile (store, (const char * const *) ids->pdata, &options, out, &error))
    crash ("Casework cannot export what it imported: %s", error->message);
  if (!g_output_stream_close (out, NULL, &error))
    crash ("cannot close: %s", error->message);

  exported = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  again = cw_casefile_read (exported, "export.xml", &error);
  if (again == NULL)
    crash ("Casework cannot read its own export: %s\n%.*s", error->message,
           (int) g_bytes_get_size (exported), (const char *) g_bytes_get_data (exported, NULL));
  if (again->cases->len != summary->case_ids->len)
    crash ("the export has %u cases, not %u", again->cases->len, summary->case_ids->len);
}

static void
import_and_export (FuzzStore  *fuzz,
                   CwCasefile *casefile,
                   gboolean    must_import)
{
  g_autoptr(CwImportSummary) summary = cw_import_summary_new ();
  g_autoptr(GError) error = NULL;
  guint before = cw_store_count_cases (fuzz->store);

  if (!cw_store_begin (fuzz->store, &error))
    crash ("cannot begin: %s", error->message);

  if (import (fuzz->store, casefile, summary, &error))
    {
      export_and_read_back (fuzz->store, summary, CW_CASEFILE_SCOPE_FULL);
      export_and_read_back (fuzz->store, summary, CW_CASEFILE_SCOPE_PUBLIC);
    }
  else if (must_import)
    crash ("the reader accepted a document the store refuses: %s", error->message);

  cw_store_rollback (fuzz->store);

  if (cw_store_count_cases (fuzz->store) != before)
    crash ("a rolled-back import left cases behind");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCasefile) casefile = cw_casefile_read (bytes, NAME, &error);

  if (casefile == NULL)
    {
      /* Every refusal is a casefile error that says which document. */
      if (error == NULL || error->domain != CW_CASEFILE_ERROR ||
          !g_str_has_prefix (error->message, NAME ":"))
        crash ("unexpected refusal: %s", error != NULL ? error->message : "(no error)");
      return 0;
    }

  if (error != NULL || casefile->cases->len == 0)
    crash ("accepted with an error, or without a case");

  import_and_export (&empty_store, casefile, TRUE);
  import_and_export (&full_store, casefile, FALSE);
  return 0;
}
