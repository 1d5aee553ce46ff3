/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cw-test-utils.h"

/* Nothing committed is lost when Casework is killed in the middle of a
 * write. This binary runs itself again as a writer ("--writer MODE DB
 * ..."), which writes through the real store and reports on standard
 * output, one line at a time, what each transaction committed. The test
 * kills it with SIGKILL at a random moment, reopens the database with the
 * store, and checks that the file is sound and holds every reported id. */

#define N_KILLS_CASES   300
#define N_KILLS_IMPORT  100
#define MAX_DELAY_MS    30

/* ------------------------------------------------------------------ */
/* The writer, in the child */

static void
report (const char *format,
        ...) G_GNUC_PRINTF (1, 2);

/* One write(2) per line: the parent never sees half of one. */
static void
report (const char *format,
        ...)
{
  g_autofree char *line = NULL;
  va_list args;
  gsize len;
  gsize done = 0;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);

  len = strlen (line);
  while (done < len)
    {
      ssize_t n = write (STDOUT_FILENO, line + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        _exit (3);
      done += n;
    }
}

static G_NORETURN void
writer_fail (const char   *what,
             const GError *error)
{
  g_printerr ("writer: %s: %s\n", what, error != NULL ? error->message : "failed");
  _exit (2);
}

static CwEntry *
new_entry (const char *case_id,
           guint       n)
{
  CwEntry *entry = cw_entry_new ();
  g_autofree char *title = g_strdup_printf ("Letters written, batch %u", n);

  cw_entry_set_case_id (entry, case_id);
  cw_entry_set_date (entry, "2024-05-17");
  cw_entry_set_category (entry, CW_ENTRY_CATEGORY_ACTIVITY);
  cw_entry_set_kind (entry, "letter");
  cw_entry_set_count (entry, n % 20 + 1);
  cw_entry_set_title (entry, title);
  cw_entry_set_notes (entry, "Written at the monthly meeting; two members signed for the group.");
  return entry;
}

static CwCase *
new_case (guint n)
{
  CwCase *kase = cw_case_new ();
  g_autofree char *title = g_strdup_printf ("Crash test case %u", n);

  cw_case_set_title (kase, title);
  cw_case_set_country_code (kase, "XX");
  cw_case_set_country_name (kase, "Example Country");
  cw_case_set_summary (kase, "A human rights defender arrested after a peaceful protest.");
  cw_case_set_background (kase, "Held without charge; the family has not been allowed to visit.");
  g_ptr_array_add (cw_case_get_themes (kase), g_strdup ("freedom of expression"));
  g_ptr_array_add (cw_case_get_safety_notes (kase), g_strdup ("Do not name the lawyer in public."));
  return kase;
}

/* Cases and entries, one transaction at a time or several writes in one,
 * until killed. */
static G_NORETURN void
write_cases (CwStore *store)
{
  g_autoptr(GError) error = NULL;

  for (guint n = 0;; n++)
    {
      g_autoptr(CwCase) kase = new_case (n);

      if (n % 4 == 3)
        {
          /* Several writes in one transaction: all of them, or none. */
          g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);

          if (!cw_store_begin (store, &error) || !cw_store_save_case (store, kase, &error))
            writer_fail ("grouped case", error);
          for (guint i = 0; i < 3; i++)
            {
              CwEntry *entry = new_entry (cw_case_get_id (kase), n + i);

              g_ptr_array_add (entries, entry);
              if (!cw_store_save_entry (store, entry, &error))
                writer_fail ("grouped entry", error);
            }
          if (!cw_store_commit (store, &error))
            writer_fail ("commit", error);

          report ("case %s\n", cw_case_get_id (kase));
          for (guint i = 0; i < entries->len; i++)
            report ("entry %s %s\n", cw_entry_get_id (g_ptr_array_index (entries, i)),
                    cw_case_get_id (kase));
          continue;
        }

      if (!cw_store_save_case (store, kase, &error))
        writer_fail ("case", error);
      report ("case %s\n", cw_case_get_id (kase));

      for (guint i = 0; i < n % 3 + 1; i++)
        {
          g_autoptr(CwEntry) entry = new_entry (cw_case_get_id (kase), n + i);

          if (!cw_store_save_entry (store, entry, &error))
            writer_fail ("entry", error);
          report ("entry %s %s\n", cw_entry_get_id (entry), cw_case_get_id (kase));
        }

      /* An edit of a case already there rewrites all its parts. */
      cw_case_set_title (kase, "Crash test case, edited");
      if (!cw_store_save_case (store, kase, &error))
        writer_fail ("edit", error);
    }
}

static CwCasefile *
read_casefile (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GBytes) bytes = NULL;
  gsize len = 0;
  CwCasefile *casefile;

  if (!g_file_get_contents (path, &contents, &len, &error))
    writer_fail (path, error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  casefile = cw_casefile_read (bytes, name, &error);
  if (casefile == NULL)
    writer_fail (path, error);
  return casefile;
}

/* Imports the casefiles @paths in one go, then deletes their cases in one
 * transaction, over and over. */
static G_NORETURN void
write_imports (CwStore    *store,
               char      **paths)
{
  g_autoptr(GPtrArray) casefiles = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_casefile_free);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (casefiles, read_casefile (paths[i]));

  for (;;)
    {
      g_autoptr(CwImportSummary) summary = cw_import_summary_new ();

      if (!cw_store_import_casefiles (store, casefiles, FALSE, summary, NULL, NULL, &error))
        writer_fail ("import", error);
      report ("imported\n");

      if (!cw_store_begin (store, &error))
        writer_fail ("begin", error);
      for (guint i = 0; i < summary->case_ids->len; i++)
        if (!cw_store_delete_case (store, g_ptr_array_index (summary->case_ids, i), &error))
          writer_fail ("delete", error);
      if (!cw_store_commit (store, &error))
        writer_fail ("commit", error);
      report ("deleted\n");
    }
}

static int
run_writer (int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;

  /* --writer MODE DB [CASEFILE...] */
  if (argc < 4)
    return 64;

  store = cw_store_open (argv[3], &error);
  if (store == NULL)
    writer_fail ("open", error);
  report ("ready\n");

  if (g_strcmp0 (argv[2], "cases") == 0)
    write_cases (store);
  if (g_strcmp0 (argv[2], "import") == 0)
    write_imports (store, argv + 4);
  return 64;
}

/* ------------------------------------------------------------------ */
/* The parent */

typedef struct {
  GPid pid;
  int out;          /* the writer's standard output */
  GString *buffer;  /* what was read of it and not yet taken as lines */
} Writer;

static void
writer_start (Writer     *writer,
              const char *mode,
              const char *db_path,
              GPtrArray  *extra)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);

  g_assert_nonnull (self_path);
  g_ptr_array_add (argv, self_path);
  g_ptr_array_add (argv, (gpointer) "--writer");
  g_ptr_array_add (argv, (gpointer) mode);
  g_ptr_array_add (argv, (gpointer) db_path);
  for (guint i = 0; extra != NULL && i < extra->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (extra, i));
  g_ptr_array_add (argv, NULL);

  g_spawn_async_with_pipes (NULL, (char **) argv->pdata, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &writer->pid, NULL, &writer->out, NULL, &error);
  g_assert_no_error (error);
  writer->buffer = g_string_new (NULL);
}

/* Reads what is there, waiting at most @timeout_ms; FALSE at the end. */
static gboolean
writer_read (Writer *writer,
             int     timeout_ms)
{
  struct pollfd pfd = { writer->out, POLLIN, 0 };
  char chunk[4096];
  ssize_t n;
  int rc;

  do
    rc = poll (&pfd, 1, timeout_ms);
  while (rc < 0 && errno == EINTR);
  g_assert_cmpint (rc, >=, 0);
  if (rc == 0)
    return TRUE;

  do
    n = read (writer->out, chunk, sizeof chunk);
  while (n < 0 && errno == EINTR);
  g_assert_cmpint (n, >=, 0);
  g_string_append_len (writer->buffer, chunk, n);
  return n > 0;
}

/* Waits until the writer has written a line starting with @start. */
static void
writer_wait_line (Writer     *writer,
                  const char *start)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  g_autofree char *at_line_start = g_strconcat ("\n", start, NULL);

  while (!g_str_has_prefix (writer->buffer->str, start) &&
         strstr (writer->buffer->str, at_line_start) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_assert_true (writer_read (writer, 100));
    }
}

/* Kills the writer, waits for it, and returns every whole line it wrote. */
static GStrv
writer_kill (Writer *writer)
{
  int status = 0;
  char *last_newline;
  g_autofree char *text = NULL;

  g_assert_no_errno (kill (writer->pid, SIGKILL));
  while (writer_read (writer, -1))
    ;
  g_assert_cmpint (waitpid (writer->pid, &status, 0), ==, writer->pid);
  g_spawn_close_pid (writer->pid);
  close (writer->out);

  /* Killed, not fallen over on its own. */
  if (!WIFSIGNALED (status) || WTERMSIG (status) != SIGKILL)
    g_error ("The writer ended by itself (status %d) instead of being killed", status);

  /* A line without its end was never finished: nothing was promised. */
  last_newline = strrchr (writer->buffer->str, '\n');
  g_string_truncate (writer->buffer, last_newline != NULL ? last_newline - writer->buffer->str : 0);
  text = g_string_free (writer->buffer, FALSE);
  return g_strsplit (text, "\n", -1);
}

static guint
run_once (const char *mode,
          const char *db_path,
          GPtrArray  *extra,
          guint       round,
          GStrv      *lines)
{
  Writer writer = { 0 };
  guint delay_ms = (guint) g_test_rand_int_range (0, MAX_DELAY_MS + 1);

  writer_start (&writer, mode, db_path, extra);

  /* Now and then as it starts, even before it has opened the database;
   * else once it is ready to write, or once it has committed a first
   * write, so that however slow the machine, many kills land among
   * writes. */
  if (round % 8 >= 4)
    writer_wait_line (&writer, "ready\n");
  else if (round % 8 >= 1)
    writer_wait_line (&writer, g_str_equal (mode, "cases") ? "case " : "imported\n");
  if (delay_ms > 0)
    g_usleep (delay_ms * 1000);

  *lines = writer_kill (&writer);
  return delay_ms;
}

static CwStore *
reopen_checked (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = cw_store_open (db_path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_false (cw_store_get_read_only (store));
  cw_store_check_integrity (store, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

static void
assert_entry_in_case (CwStore    *store,
                      const char *entry_id,
                      const char *case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwEntry) entry = cw_store_load_entry (store, entry_id, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cw_entry_get_case_id (entry), ==, case_id);
}

static void
test_kill_while_writing (void)
{
  g_autoptr(CwTestTmpDir) dir = cw_test_tmp_dir_new ("casework-crash-XXXXXX");
  g_autofree char *db_path = g_build_filename (dir, "casework.db", NULL);
  g_autoptr(GPtrArray) case_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) entry_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) entry_cases = g_ptr_array_new_with_free_func (g_free);
  guint kills_with_writes = 0;
  gint64 start = g_get_monotonic_time ();

  /* The database is there before the first writer starts. */
  g_object_unref (reopen_checked (db_path));

  for (guint round = 0; round < N_KILLS_CASES; round++)
    {
      g_auto(GStrv) lines = NULL;
      g_autoptr(CwStore) store = NULL;
      guint first_case = case_ids->len;
      guint first_entry = entry_ids->len;

      run_once ("cases", db_path, NULL, round, &lines);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) words = g_strsplit (lines[i], " ", -1);

          if (g_strcmp0 (words[0], "case") == 0)
            g_ptr_array_add (case_ids, g_strdup (words[1]));
          else if (g_strcmp0 (words[0], "entry") == 0)
            {
              g_ptr_array_add (entry_ids, g_strdup (words[1]));
              g_ptr_array_add (entry_cases, g_strdup (words[2]));
            }
          else
            g_assert_cmpstr (words[0], ==, "ready");
        }
      if (case_ids->len > first_case)
        kills_with_writes++;

      /* Every id reported since the last kill is there, its entries in
       * their case; nothing reported before went away. */
      store = reopen_checked (db_path);
      for (guint i = first_case; i < case_ids->len; i++)
        g_assert_true (cw_store_has_case (store, g_ptr_array_index (case_ids, i)));
      for (guint i = first_entry; i < entry_ids->len; i++)
        assert_entry_in_case (store, g_ptr_array_index (entry_ids, i),
                              g_ptr_array_index (entry_cases, i));
      g_assert_cmpuint (cw_store_count_cases (store), >=, case_ids->len);
    }

  /* At the end, everything ever reported, once more. */
  {
    g_autoptr(CwStore) store = reopen_checked (db_path);

    for (guint i = 0; i < case_ids->len; i++)
      g_assert_true (cw_store_has_case (store, g_ptr_array_index (case_ids, i)));
    for (guint i = 0; i < entry_ids->len; i++)
      assert_entry_in_case (store, g_ptr_array_index (entry_ids, i),
                            g_ptr_array_index (entry_cases, i));
  }

  g_test_message ("%u kills, %u of them after writes; %u cases and %u entries reported; %.1f s",
                  N_KILLS_CASES, kills_with_writes, case_ids->len, entry_ids->len,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  /* Kills must land while the writer writes, or this tests little. */
  g_assert_cmpuint (kills_with_writes, >=, N_KILLS_CASES * 3 / 8);
}

/* What a complete import of the samples leaves: each case's id with its
 * number of timeline entries, people and targets. */
typedef struct {
  char *id;
  guint n_entries;
  guint n_people;
  guint n_targets;
} Expected;

static void
expected_clear (gpointer data)
{
  g_free (((Expected *) data)->id);
}

static GArray *
expected_import (GPtrArray *paths)
{
  g_autoptr(CwTestTmpDir) dir = cw_test_tmp_dir_new ("casework-crash-ref-XXXXXX");
  g_autoptr(CwStore) store = cw_test_open_store (dir, "reference.db");
  GArray *expected = g_array_new (FALSE, TRUE, sizeof (Expected));
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;

  g_array_set_clear_func (expected, expected_clear);
  for (guint i = 0; i < paths->len; i++)
    cw_import_summary_free (cw_test_import_file (store, g_ptr_array_index (paths, i)));

  cases = cw_store_list_cases (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    {
      const char *id = cw_case_get_id (g_ptr_array_index (cases, i));
      g_autoptr(CwCase) kase = cw_store_load_case (store, id, &error);
      Expected e = { g_strdup (id), cw_test_count_entries (store, id), 0, 0 };

      g_assert_no_error (error);
      e.n_people = cw_case_get_people (kase)->len;
      e.n_targets = cw_case_get_targets (kase)->len;
      g_assert_cmpuint (e.n_entries, >, 0);
      g_array_append_val (expected, e);
    }
  g_assert_cmpuint (expected->len, >=, 2);
  return expected;
}

/* TRUE if every case of the import is there whole, FALSE if none is;
 * anything in between fails. */
static gboolean
import_is_whole (CwStore *store,
                 GArray  *expected)
{
  guint present = 0;

  for (guint i = 0; i < expected->len; i++)
    {
      Expected *e = &g_array_index (expected, Expected, i);
      g_autoptr(CwCase) kase = NULL;
      g_autoptr(GError) error = NULL;

      if (!cw_store_has_case (store, e->id))
        {
          g_assert_cmpuint (cw_test_count_entries (store, e->id), ==, 0);
          continue;
        }
      present++;
      kase = cw_store_load_case (store, e->id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (cw_test_count_entries (store, e->id), ==, e->n_entries);
      g_assert_cmpuint (cw_case_get_people (kase)->len, ==, e->n_people);
      g_assert_cmpuint (cw_case_get_targets (kase)->len, ==, e->n_targets);
    }

  if (present != 0 && present != expected->len)
    g_error ("A killed import left %u of its %u cases", present, expected->len);
  g_assert_cmpuint (cw_store_count_cases (store), ==, present);
  return present > 0;
}

static void
test_kill_while_importing (void)
{
  g_autoptr(CwTestTmpDir) dir = cw_test_tmp_dir_new ("casework-crash-XXXXXX");
  g_autofree char *db_path = g_build_filename (dir, "casework.db", NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) expected = NULL;
  guint n_whole = 0, n_none = 0, n_imports = 0;

  g_ptr_array_add (paths, cw_test_sample_path ("long-term-case.xml"));
  g_ptr_array_add (paths, cw_test_sample_path ("urgent-action.xml"));
  expected = expected_import (paths);
  g_object_unref (reopen_checked (db_path));

  for (guint round = 0; round < N_KILLS_IMPORT; round++)
    {
      g_auto(GStrv) lines = NULL;
      g_autoptr(CwStore) store = NULL;

      run_once ("import", db_path, paths, round, &lines);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          if (g_strcmp0 (lines[i], "imported") == 0)
            n_imports++;
          else
            g_assert_true (g_strcmp0 (lines[i], "deleted") == 0 || g_strcmp0 (lines[i], "ready") == 0);
        }

      store = reopen_checked (db_path);
      if (import_is_whole (store, expected))
        n_whole++;
      else
        n_none++;
    }

  g_test_message ("%u kills: %u left the whole import, %u none of it; %u imports committed",
                  N_KILLS_IMPORT, n_whole, n_none, n_imports);
  g_assert_cmpuint (n_imports, >, 0);
}

int
main (int    argc,
      char **argv)
{
  if (argc > 1 && g_strcmp0 (argv[1], "--writer") == 0)
    return run_writer (argc, argv);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash/kill-while-writing", test_kill_while_writing);
  g_test_add_func ("/crash/kill-while-importing", test_kill_while_importing);

  return g_test_run ();
}
