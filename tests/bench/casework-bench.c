/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * casework-bench: how fast Casework is at the scale of a section's
 * programme or an Urgent Action network, measured in one run on generated
 * data (a fixed seed, so every run sees the same cases).
 *
 * Prints one line per figure, NAME<TAB>VALUE<TAB>UNIT. The figures that
 * compare two things are ratios measured in the same run, so that a busy
 * machine slows both sides alike.
 *
 *   casework-bench [--cases N] [--entries N] [--keep DIR]
 */

#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/resource.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/SAX2.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <sqlite3.h>

#include "cw-case-filter.h"
#include "cw-case-list.h"
#include "cw-casefile-import.h"
#include "cw-casefile-reader.h"
#include "cw-casefile-writer.h"
#include "cw-meeting-pack.h"
#include "cw-report.h"
#include "cw-report-document.h"
#include "cw-store.h"
#include "cw-test-utils.h"

#define SEED 20261121
#define IMPORT_CASES 2000
#define REPORT_CASES 1000
#define REPORT_ENTRIES 100
#define REPORT_YEAR 2025
#define LETTER_CASES 40
#define REPEATS 3

static const struct {
  const char *code;
  const char *name;
  const char *region;
} countries[] = {
  { "EG", "Egypt", "middle-east-north-africa" }, { "IR", "Iran", "middle-east-north-africa" }, { "SA", "Saudi Arabia", "middle-east-north-africa" },
  { "TR", "Türkiye", "europe-central-asia" }, { "BY", "Belarus", "europe-central-asia" }, { "RU", "Russia", "europe-central-asia" },
  { "CN", "China", "asia-pacific" }, { "VN", "Viet Nam", "asia-pacific" },
  { "MM", "Myanmar", "asia-pacific" }, { "PH", "Philippines", "asia-pacific" },
  { "MX", "Mexico", "americas" }, { "CO", "Colombia", "americas" }, { "VE", "Venezuela", "americas" },
  { "NI", "Nicaragua", "americas" }, { "NG", "Nigeria", "africa" }, { "CM", "Cameroon", "africa" },
  { "ET", "Ethiopia", "africa" }, { "ZW", "Zimbabwe", "africa" }, { "BD", "Bangladesh", "asia-pacific" },
  { "AZ", "Azerbaijan", "europe-central-asia" },
};

static const char * const given_names[] = {
  "Maria", "Ahmed", "Leyla", "Kofi", "Nguyen", "Ana", "Rafael", "Fatima", "Ivan", "Chen",
  "Olga", "Samuel", "Aisha", "Jorge", "Mehmet", "Zainab", "Pedro", "Irina", "Yusuf", "Lucia",
  "Dmitri", "Amara", "Tomás", "Nadia", "Emeka", "Sofía", "Hassan", "Mariam", "Andrés", "Thi",
};

static const char * const family_names[] = {
  "Haddad", "Mensah", "Yilmaz", "Petrova", "Okafor", "Rodríguez", "Tran", "Karimi", "Wang",
  "Ivanova", "Castillo", "Abdullah", "Morales", "Demir", "Nkemelu", "Sánchez", "Lin", "Farah",
  "Hernández", "Kovalenko", "Osei", "Ramírez", "Aziz", "Pham", "Torres", "Bello", "Chowdhury",
  "Aliyev", "Mwangi", "Suárez",
};

static const char * const occupations[] = {
  "journalist", "lawyer", "student", "trade unionist", "teacher", "environmental defender",
  "blogger", "doctor", "poet", "community leader",
};

static const char * const kinds[] = {
  "letter", "email", "petition", "stall", "card", "vigil", "media",
};

static const char * const queries[] = {
  "Maria", "Ahmed Haddad", "Leyla Yilmaz", "kofi", "Nguyen Tran", "ana rod", "Rafael Castillo",
  "Fatima Karimi", "Ivan Petrov", "Chen Wang", "journalist", "lawyer Egypt", "student Belarus",
  "trade unionist", "teacher", "environmental defender", "blogger Viet", "doctor", "poet",
  "community leader", "Egypt", "Iran", "Saudi", "Türkiye", "Turkiye", "Belarus", "Russia",
  "China", "Viet Nam", "Myanmar", "Philippines", "Mexico", "Colombia", "Venezuela", "Nicaragua",
  "Nigeria", "Cameroon", "Ethiopia", "Zimbabwe", "Bangladesh", "Azerbaijan", "UA 1234",
  "UA 77", "detained", "held without charge", "sentenced", "Sofía Sánchez", "Sofia Sanchez",
  "Mwangi Osei", "Aliyev",
};

typedef struct {
  guint n_cases;
  guint n_entries;
  char *dir;
  GRand *rand;
} Bench;

static double
ms_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

static void
report (const char *name,
        double      value,
        const char *unit)
{
  g_print ("%s\t%.*f\t%s\n", name, value >= 100 ? 0 : value >= 10 ? 1 : 2, value, unit);
}

static G_NORETURN void
fail (const char *what,
      GError     *error)
{
  g_printerr ("casework-bench: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static const char *
pick (Bench              *b,
      const char * const *words,
      guint               n_words)
{
  return words[g_rand_int_range (b->rand, 0, (gint32) n_words)];
}

#define PICK(b, words) pick ((b), (words), G_N_ELEMENTS (words))

/* The data */

static CwCase *
make_case (Bench *b,
           guint  n)
{
  g_autoptr(CwCase) kase = cw_case_new ();
  guint country = g_rand_int_range (b->rand, 0, G_N_ELEMENTS (countries));
  const char *given = PICK (b, given_names);
  const char *family = PICK (b, family_names);
  const char *occupation = PICK (b, occupations);
  g_autofree char *title = g_strdup_printf ("%s %s", given, family);
  g_autofree char *summary = g_strdup_printf ("%s %s, a %s, was detained in %s for peaceful "
                                              "activism and is held without charge.",
                                              given, family, occupation, countries[country].name);
  g_autofree char *opened = g_strdup_printf ("%04u-%02u", 2010 + n % 15, n % 12 + 1);
  CwPerson *person = cw_person_new ();

  cw_case_set_title (kase, title);
  cw_case_set_country_code (kase, countries[country].code);
  cw_case_set_country_name (kase, countries[country].name);
  cw_case_set_region (kase, countries[country].region);
  cw_case_set_case_type (kase, n % 7 == 0 ? CW_CASE_TYPE_URGENT_ACTION : CW_CASE_TYPE_LONG_TERM);
  cw_case_set_status (kase, n % 11 == 0 ? CW_CASE_STATUS_CLOSED : CW_CASE_STATUS_ACTIVE);
  cw_case_set_opened (kase, opened);
  cw_case_set_summary (kase, summary);
  if (n % 7 == 0)
    {
      g_autofree char *ua = g_strdup_printf ("UA %u/%02u", 1 + n % 3000, 10 + n % 16);

      cw_case_set_ua_number (kase, ua);
    }

  person->role = g_strdup ("subject");
  person->name = g_strdup (title);
  person->occupation = g_strdup (occupation);
  g_ptr_array_add (cw_case_get_people (kase), person);

  return g_steal_pointer (&kase);
}

static CwEntry *
make_entry (Bench      *b,
            CwCase     *kase,
            guint       year,
            guint       e)
{
  CwEntry *entry = cw_entry_new ();
  g_autofree char *date = NULL;
  const char *kind = kinds[e % G_N_ELEMENTS (kinds)];

  date = e % 17 == 0 ? g_strdup_printf ("%04u-%02u", year, e % 12 + 1)
                     : g_strdup_printf ("%04u-%02u-%02u", year, e % 12 + 1, e % 28 + 1);
  cw_entry_set_case_id (entry, cw_case_get_id (kase));
  cw_entry_set_date (entry, date);
  cw_entry_set_kind (entry, kind);
  cw_entry_set_count (entry, e % 3 == 0 ? CW_ENTRY_NO_COUNT : (gint64) g_rand_int_range (b->rand, 1, 40));
  cw_entry_set_private (entry, e % 23 == 0);
  cw_entry_set_title (entry, e % 10 == 0 ? "Letters at the monthly meeting, with a long title that "
                                           "wraps onto a second line of the table"
                                         : "Letters at the monthly meeting");
  if (e % 5 == 0)
    cw_entry_set_notes (entry, "Signed by the group and posted the next morning.");
  return entry;
}

/* Ids from the generator's own numbers, so that every run makes the
 * same data. */
static char *
make_id (Bench *b)
{
  return g_strdup_printf ("%08x-%04x-4%03x-8%03x-%04x%08x",
                          g_rand_int (b->rand), g_rand_int (b->rand) & 0xffff,
                          g_rand_int (b->rand) & 0xfff, g_rand_int (b->rand) & 0xfff,
                          g_rand_int (b->rand) & 0xffff, g_rand_int (b->rand));
}

static void
free_generated (gpointer data)
{
  CwCasefileCase *item = data;

  g_clear_object (&item->kase);
  g_clear_pointer (&item->entries, g_ptr_array_unref);
  g_free (item);
}

#define FILL_CHUNK 500

/* @n_entries spread over the cases and over the years since each opened,
 * or all in @year when it is not 0. Stored as the import stores a
 * casefile, a few hundred cases at a time. */
static void
fill (Bench   *b,
      CwStore *store,
      guint    n_cases,
      guint    n_entries,
      guint    year)
{
  for (guint first = 0; first < n_cases; first += FILL_CHUNK)
    {
      g_autoptr(GPtrArray) casefiles = g_ptr_array_new ();
      g_autoptr(CwImportSummary) summary = cw_import_summary_new ();
      g_autoptr(GError) error = NULL;
      CwCasefile casefile = {
        .name = (char *) "generated",
        .version = (char *) "1.0",
        .scope = CW_CASEFILE_SCOPE_FULL,
        .cases = g_ptr_array_new_with_free_func (free_generated),
      };

      for (guint c = first; c < MIN (n_cases, first + FILL_CHUNK); c++)
        {
          CwCasefileCase *item = g_new0 (CwCasefileCase, 1);
          g_autofree char *case_id = make_id (b);
          /* Spread @n_entries over the cases, the remainder to the first ones. */
          guint mine = n_entries / n_cases + (c < n_entries % n_cases ? 1 : 0);

          item->kase = make_case (b, c);
          cw_case_set_id (item->kase, case_id);
          item->parts = CW_CASEFILE_HAS_TYPE | CW_CASEFILE_HAS_STATUS | CW_CASEFILE_HAS_REGION |
                        CW_CASEFILE_HAS_OPENED | CW_CASEFILE_HAS_PEOPLE |
                        CW_CASEFILE_HAS_URGENT_ACTION;
          item->entries = g_ptr_array_new_with_free_func (g_object_unref);
          for (guint e = 0; e < mine; e++)
            {
              CwEntry *entry = make_entry (b, item->kase, year != 0 ? year : 2010 + c % 15 + e % 10, e);
              g_autofree char *entry_id = make_id (b);

              cw_entry_set_id (entry, entry_id);
              g_ptr_array_add (item->entries, entry);
            }
          g_ptr_array_add (casefile.cases, item);
        }

      g_ptr_array_add (casefiles, &casefile);
      if (!cw_store_import_casefiles (store, casefiles, FALSE, summary, NULL, NULL, &error))
        fail ("generating cases", error);
      g_ptr_array_unref (casefile.cases);
    }
}

static CwStore *
open_store (Bench      *b,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (b->dir, name, NULL);
  CwStore *store = cw_store_open (path, &error);

  if (store == NULL)
    fail (path, error);
  return store;
}

/* A database of the bench's own, made anew on every run. */
static CwStore *
fresh_store (Bench      *b,
             const char *name)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (b->dir, G_DIR_SEPARATOR_S, name, suffixes[i], NULL);

      g_remove (path);
    }
  return open_store (b, name);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
best_of (double *times,
         guint   n)
{
  double best = times[0];

  for (guint i = 1; i < n; i++)
    best = MIN (best, times[i]);
  return best;
}

/* Opening: the database and the case list, as the window does first. */
static void
bench_open (Bench *b)
{
  double times[REPEATS];

  for (guint r = 0; r < REPEATS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(CwStore) store = open_store (b, "cases.db");
      g_autoptr(CwCaseList) list = cw_case_list_new (store);

      if (g_list_model_get_n_items (G_LIST_MODEL (list)) != b->n_cases)
        fail ("opening", NULL);
      times[r] = ms_since (start);
    }
  report ("open_ms", best_of (times, REPEATS), "ms");
}

/* Search as you type: every prefix of every query, timed from the words
 * to the filtered model, in the order the window keeps. */
static int
compare_cases (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return cw_case_compare_for_list (CW_CASE ((gpointer) a), CW_CASE ((gpointer) b), user_data);
}

static void
bench_filter (Bench *b)
{
  g_autoptr(CwStore) store = open_store (b, "cases.db");
  g_autoptr(CwCaseList) list = cw_case_list_new (store);
  g_autoptr(CwCaseFilter) filter = cw_case_filter_new (store);
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(GtkFilterListModel) filtered = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  GDate today;
  guint p99;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 21, 11, 2026);
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (list)),
                                    GTK_SORTER (gtk_custom_sorter_new (compare_cases, &today, NULL)));
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (sorted)),
                                        g_object_ref (GTK_FILTER (filter)));

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      for (gsize len = 1; len <= strlen (queries[q]); len = g_utf8_next_char (queries[q] + len) - queries[q])
        {
          g_autofree char *prefix = g_strndup (queries[q], len);
          gint64 start = g_get_monotonic_time ();
          double ms;

          if (!cw_case_filter_set_search (filter, prefix, &error))
            fail ("searching", error);
          /* Reading the count makes sure the model is up to date. */
          g_list_model_get_n_items (G_LIST_MODEL (filtered));
          ms = ms_since (start);
          g_array_append_val (times, ms);
        }
      if (g_list_model_get_n_items (G_LIST_MODEL (filtered)) == 0 && q == 0)
        fail ("searching: no case matches a name the generator uses", NULL);
      cw_case_filter_set_search (filter, NULL, NULL);
      if (g_list_model_get_n_items (G_LIST_MODEL (filtered)) != b->n_cases)
        fail ("searching: clearing the search did not show every case", NULL);
    }

  g_array_sort (times, compare_doubles);
  p99 = (guint) ceil (times->len * 0.99) - 1;
  report ("filter_p99_ms", g_array_index (times, double, p99), "ms");
}

/* Import and export of 2,000 cases, against libxml2 alone on the same
 * bytes. */

/* A stream that counts what it is given and keeps none of it: the export
 * and the bare writer both write to one, so neither holds tens of
 * megabytes of output in memory. */
#define BENCH_TYPE_SINK (bench_sink_get_type ())
G_DECLARE_FINAL_TYPE (BenchSink, bench_sink, BENCH, SINK, GOutputStream)

struct _BenchSink
{
  GOutputStream parent_instance;
  gsize written;
};

G_DEFINE_FINAL_TYPE (BenchSink, bench_sink, G_TYPE_OUTPUT_STREAM)

static gssize
bench_sink_write (GOutputStream  *stream,
                  const void     *buffer,
                  gsize           count,
                  GCancellable   *cancellable,
                  GError        **error)
{
  BENCH_SINK (stream)->written += count;
  return (gssize) count;
}

static void
bench_sink_class_init (BenchSinkClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = bench_sink_write;
}

static void
bench_sink_init (BenchSink *self)
{
}

static void
export_cases_to (CwStore            *store,
                 const char * const *ids,
                 GOutputStream      *out)
{
  g_autoptr(GError) error = NULL;
  CwCasefileWriteOptions options = { .scope = CW_CASEFILE_SCOPE_FULL, .exported = "2026-11-21T12:00:00Z" };

  if (!cw_store_export_casefile (store, ids, &options, out, &error) ||
      !g_output_stream_close (out, NULL, &error))
    fail ("exporting", error);
}

/* The casefile of @ids, written to @path: what a user would import. */
static void
export_cases_to_file (CwStore            *store,
                      const char * const *ids,
                      const char         *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE,
                                                     NULL, &error);

  if (out == NULL)
    fail ("writing the casefile to import", error);
  export_cases_to (store, ids, G_OUTPUT_STREAM (out));
}

/* Part of the casefile's element tree, flat: what xmlTextWriter is asked
 * to write, in order. Names are kept for the whole run, values for one
 * case at a time: a libxml2 tree of the whole file would be many times
 * its size, and the bench's peak memory would be its own. */
typedef enum {
  OP_START,
  OP_START_ROOT,            /* with the namespace */
  OP_ATTRIBUTE,
  OP_TEXT,
  OP_END,
} OpKind;

typedef struct {
  OpKind kind;
  const xmlChar *name;
  const xmlChar *uri;
  gsize value;              /* an offset into the values */
} Op;

typedef struct {
  GArray *ops;
  GByteArray *values;
  GHashTable *names;
} TreePart;

static const xmlChar *
part_name (TreePart      *part,
           const xmlChar *name)
{
  char *kept = g_hash_table_lookup (part->names, name);

  if (kept == NULL)
    {
      kept = g_strdup ((const char *) name);
      g_hash_table_add (part->names, kept);
    }
  return (const xmlChar *) kept;
}

static void
part_add (TreePart      *part,
          OpKind         kind,
          const xmlChar *name,
          const xmlChar *uri,
          const xmlChar *value)
{
  Op op = { kind, name != NULL ? part_name (part, name) : NULL,
            uri != NULL ? part_name (part, uri) : NULL, part->values->len };

  if (value != NULL)
    g_byte_array_append (part->values, value, strlen ((const char *) value) + 1);
  g_array_append_val (part->ops, op);
}

/* Reads from @reader into @part, as the tree parser with
 * XML_PARSE_NOBLANKS would have them (no whitespace-only text, the
 * namespace on the root alone), up to the end of the next child of the
 * root. Returns FALSE at the end of the document. */
static gboolean
part_read (TreePart         *part,
           xmlTextReaderPtr  reader)
{
  int status;

  g_array_set_size (part->ops, 0);
  g_byte_array_set_size (part->values, 0);
  while ((status = xmlTextReaderRead (reader)) == 1)
    {
      int depth = xmlTextReaderDepth (reader);

      switch (xmlTextReaderNodeType (reader))
        {
        case XML_READER_TYPE_ELEMENT:
          {
            gboolean empty = xmlTextReaderIsEmptyElement (reader);

            part_add (part, depth == 0 ? OP_START_ROOT : OP_START, xmlTextReaderConstLocalName (reader),
                      depth == 0 ? xmlTextReaderConstNamespaceUri (reader) : NULL, NULL);
            while (xmlTextReaderMoveToNextAttribute (reader) == 1)
              if (!xmlTextReaderIsNamespaceDecl (reader))
                part_add (part, OP_ATTRIBUTE, xmlTextReaderConstName (reader), NULL,
                          xmlTextReaderConstValue (reader));
            if (empty)
              part_add (part, OP_END, NULL, NULL, NULL);
            if (empty && depth == 1)
              return TRUE;
            break;
          }
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
          part_add (part, OP_TEXT, NULL, NULL, xmlTextReaderConstValue (reader));
          break;
        case XML_READER_TYPE_END_ELEMENT:
          part_add (part, OP_END, NULL, NULL, NULL);
          if (depth == 1)
            return TRUE;
          break;
        default:
          break;
        }
    }
  if (status != 0)
    fail ("reading the exported casefile", NULL);
  return FALSE;
}

static void
part_write (const TreePart   *part,
            xmlTextWriterPtr  writer)
{
  for (guint i = 0; i < part->ops->len; i++)
    {
      const Op *op = &g_array_index (part->ops, Op, i);
      const xmlChar *value = part->values->data + op->value;

      switch (op->kind)
        {
        case OP_START_ROOT:
          xmlTextWriterStartElementNS (writer, NULL, op->name, op->uri);
          break;
        case OP_START:
          xmlTextWriterStartElement (writer, op->name);
          break;
        case OP_ATTRIBUTE:
          xmlTextWriterWriteAttribute (writer, op->name, value);
          break;
        case OP_TEXT:
          xmlTextWriterWriteString (writer, value);
          break;
        case OP_END:
          xmlTextWriterEndElement (writer);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static int
stream_write_cb (void       *context,
                 const char *buffer,
                 int         len)
{
  return g_output_stream_write_all (context, buffer, len, NULL, NULL, NULL) ? len : -1;
}

/* xmlTextWriter alone writing the elements of @bytes, a case at a time,
 * to the same kind of stream the export writes to. Only the writer is
 * timed, not the reading of each case. Returns the milliseconds and sets
 * @written to the bytes written. */
static double
write_with_libxml (const char *path,
                   gsize      *written)
{
  g_autoptr(GOutputStream) out = g_object_new (BENCH_TYPE_SINK, NULL);
  TreePart part = {
    g_array_new (FALSE, FALSE, sizeof (Op)), g_byte_array_new (),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
  };
  xmlTextReaderPtr reader = xmlReaderForFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
  gint64 start = g_get_monotonic_time ();
  xmlOutputBufferPtr buffer = xmlOutputBufferCreateIO (stream_write_cb, NULL, out, NULL);
  xmlTextWriterPtr writer = xmlNewTextWriter (buffer);
  gint64 spent;
  gboolean more;

  if (reader == NULL)
    fail ("reading the exported casefile", NULL);
  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterStartDocument (writer, NULL, "UTF-8", NULL);
  spent = g_get_monotonic_time () - start;
  do
    {
      more = part_read (&part, reader);
      start = g_get_monotonic_time ();
      part_write (&part, writer);
      spent += g_get_monotonic_time () - start;
    }
  while (more);
  start = g_get_monotonic_time ();
  xmlTextWriterEndDocument (writer);
  xmlFreeTextWriter (writer);
  g_output_stream_close (out, NULL, NULL);
  spent += g_get_monotonic_time () - start;

  xmlFreeTextReader (reader);
  g_array_unref (part.ops);
  g_byte_array_unref (part.values);
  g_hash_table_unref (part.names);
  *written = BENCH_SINK (out)->written;
  return (double) spent / 1000.0;
}

/* A child of the root, a case, is emptied as soon as it is parsed, as
 * Casework's reader does: the whole tree of a large casefile would be
 * many times the file. */
static void
bare_end_element_cb (void          *user_data,
                     const xmlChar *localname,
                     const xmlChar *prefix,
                     const xmlChar *uri)
{
  xmlParserCtxtPtr ctxt = user_data;
  xmlNode *node = ctxt->node;

  xmlSAX2EndElementNs (ctxt, localname, prefix, uri);
  if (node != NULL && node->parent != NULL && node->parent->type == XML_ELEMENT_NODE &&
      node->parent->parent != NULL && node->parent->parent->type == XML_DOCUMENT_NODE)
    {
      xmlFreeNodeList (node->children);
      node->children = node->last = NULL;
      xmlFreePropList (node->properties);
      node->properties = NULL;
    }
}

/* libxml2's tree parser over the same file, read and fed to it as the
 * reader reads and feeds it, with the reader's options, and nothing else.
 * (Until November 2026 this was xmlReadMemory() building the whole tree:
 * 390 MB for the 40 MB file, which made it slower than the reader's own
 * parse and the bench's peak memory its own.) */
static double
parse_with_libxml (const char *path)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, NULL);
  g_autoptr(GInputStream) buffered = NULL;
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt ();
  xmlDocPtr doc;

  if (in == NULL)
    fail ("opening the generated casefile", NULL);
  buffered = g_buffered_input_stream_new_sized (G_INPUT_STREAM (in), 65536);
  ctxt->sax->endElementNs = bare_end_element_cb;
  doc = cw_casefile_parse_stream (ctxt, buffered, "bench.xml", CW_CASEFILE_PARSE_OPTIONS);
  if (doc == NULL || !ctxt->wellFormed)
    fail ("parsing the generated casefile", NULL);
  xmlFreeDoc (doc);
  xmlFreeParserCtxt (ctxt);
  return ms_since (start);
}

/* Reading the file and storing it, as `casework-cli import` does: the
 * file is read in a thread of its own while its cases are stored. */
static double
import_file (Bench      *b,
             const char *path,
             guint       run)
{
  g_autofree char *name = g_strdup_printf ("import-%u.db", run);
  g_autoptr(CwStore) store = fresh_store (b, name);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CwImportSummary) summary = cw_import_summary_new ();
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  g_ptr_array_add (files, g_file_new_for_path (path));
  if (!cw_store_import_files (store, files, FALSE, summary, NULL, NULL, NULL, &error))
    fail ("importing the generated casefile", error);
  ms = ms_since (start);

  if (summary->cases_added->len != IMPORT_CASES)
    fail ("importing: not every case was added", NULL);
  return ms;
}

/* The timeline an import stored, held in memory to store it again: each
 * row's twelve values as offsets into one block of text, -1 for NULL. */
#define FLOOR_COLUMNS 12

typedef struct {
  GString *text;
  GArray  *offsets;
} FloorRows;

static void
floor_check (sqlite3    *db,
             int         rc,
             const char *what)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      g_printerr ("casework-bench: %s: %s\n", what, sqlite3_errmsg (db));
      exit (1);
    }
}

static void
floor_rows_load (const char *path,
                 FloorRows  *rows)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  floor_check (db, sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), path);
  floor_check (db, sqlite3_prepare_v2 (db,
    "SELECT id, case_id, date, precision, category, kind, count, private, title, notes,"
    " created, updated FROM entries ORDER BY rowid", -1, &stmt, NULL), "reading the timeline");
  rows->text = g_string_sized_new (64 * 1024 * 1024);
  rows->offsets = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int i = 0; i < FLOOR_COLUMNS; i++)
      {
        const char *value = (const char *) sqlite3_column_text (stmt, i);
        gint64 offset = value != NULL ? (gint64) rows->text->len : -1;

        if (value != NULL)
          g_string_append_len (rows->text, value, strlen (value) + 1);
        g_array_append_val (rows->offsets, offset);
      }
  floor_check (db, rc, "reading the timeline");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* The least an import can take: SQLite alone storing the same timeline
 * in one transaction, into a database of Casework's schema that already
 * holds the cases. No reading, no checks, no cases or their parts: the
 * part of the import no code of Casework's can take away. */
static double
floor_store (Bench      *b,
             const char *imported,
             FloorRows  *rows,
             guint       run)
{
  g_autofree char *name = g_strdup_printf ("floor-%u.db", run);
  g_autofree char *path = g_build_filename (b->dir, name, NULL);
  g_autofree char *attach = g_strdup_printf ("file:%s?mode=ro", imported);
  sqlite3 *db = NULL;
  sqlite3_stmt *insert = NULL, *stmt = NULL;
  guint n_rows = rows->offsets->len / FLOOR_COLUMNS;
  gint64 start;
  double ms;

  /* The schema, as Casework makes it. */
  g_object_unref (fresh_store (b, name));

  floor_check (db, sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, NULL), path);
  floor_check (db, sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                                     " PRAGMA cache_size = -16384; PRAGMA foreign_keys = ON",
                                 NULL, NULL, NULL), "setting up the floor");
  floor_check (db, sqlite3_prepare_v2 (db, "ATTACH ?1 AS imported", -1, &stmt, NULL), "attaching");
  sqlite3_bind_text (stmt, 1, attach, -1, SQLITE_STATIC);
  floor_check (db, sqlite3_step (stmt), "attaching");
  sqlite3_finalize (stmt);
  floor_check (db, sqlite3_exec (db, "INSERT INTO cases SELECT * FROM imported.cases;"
                                     " DETACH imported", NULL, NULL, NULL), "copying the cases");
  floor_check (db, sqlite3_prepare_v2 (db,
    "INSERT INTO entries (id, case_id, date, precision, category, kind, count, private, title,"
    " notes, created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    -1, &insert, NULL), "preparing the floor");

  start = g_get_monotonic_time ();
  floor_check (db, sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), "beginning");
  for (guint r = 0; r < n_rows; r++)
    {
      const gint64 *offsets = &g_array_index (rows->offsets, gint64, r * FLOOR_COLUMNS);

      for (int i = 0; i < FLOOR_COLUMNS; i++)
        {
          const char *value = offsets[i] >= 0 ? rows->text->str + offsets[i] : NULL;

          if (value == NULL)
            sqlite3_bind_null (insert, i + 1);
          else if (i == 3 || i == 6 || i == 7)
            sqlite3_bind_int64 (insert, i + 1, g_ascii_strtoll (value, NULL, 10));
          else
            sqlite3_bind_text (insert, i + 1, value, -1, SQLITE_STATIC);
        }
      floor_check (db, sqlite3_step (insert), "storing the timeline");
      sqlite3_reset (insert);
    }
  floor_check (db, sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), "committing");
  ms = ms_since (start);

  sqlite3_finalize (insert);
  sqlite3_close (db);
  return ms;
}

static void
bench_casefiles (Bench *b)
{
  g_autoptr(CwStore) store = open_store (b, "cases.db");
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (b->dir, "import.xml", NULL);
  double parse[REPEATS], import[REPEATS], export[REPEATS], write[REPEATS], floor[REPEATS];
  g_autofree char *imported = g_build_filename (b->dir, "import-0.db", NULL);
  FloorRows rows;
  double import_ms;
  GStatBuf st;

  cases = cw_store_list_cases (store, &error);
  if (cases == NULL)
    fail ("listing the cases", error);
  for (guint i = 0; i < MIN (cases->len, IMPORT_CASES); i++)
    g_ptr_array_add (ids, g_strdup (cw_case_get_id (g_ptr_array_index (cases, i))));
  g_ptr_array_add (ids, NULL);
  if (ids->len - 1 < IMPORT_CASES)
    fail ("exporting: --cases must be at least 2000", NULL);
  g_clear_pointer (&cases, g_ptr_array_unref);

  export_cases_to_file (store, (const char * const *) ids->pdata, path);
  if (g_stat (path, &st) != 0)
    fail ("writing the casefile to import", NULL);

  for (guint r = 0; r < REPEATS; r++)
    {
      g_autoptr(GOutputStream) sink = g_object_new (BENCH_TYPE_SINK, NULL);
      gint64 start;
      gsize written;

      parse[r] = parse_with_libxml (path);
      import[r] = import_file (b, path, r);
      write[r] = write_with_libxml (path, &written);
      if (written < (gsize) st.st_size / 2)
        fail ("writing the casefile with xmlTextWriter: far too little came out", NULL);

      start = g_get_monotonic_time ();
      export_cases_to (store, (const char * const *) ids->pdata, sink);
      export[r] = ms_since (start);
    }

  /* Then SQLite alone, storing the timeline that import stored. */
  floor_rows_load (imported, &rows);
  for (guint r = 0; r < REPEATS; r++)
    floor[r] = floor_store (b, imported, &rows, r);
  g_string_free (rows.text, TRUE);
  g_array_unref (rows.offsets);

  import_ms = best_of (import, REPEATS);
  report ("import_vs_parse_ratio", import_ms / best_of (parse, REPEATS), "x");
  report ("import_floor_vs_parse_ratio", best_of (floor, REPEATS) / best_of (parse, REPEATS), "x");
  report ("import_mb_per_s", st.st_size / 1e6 / (import_ms / 1000.0), "MB/s");
  report ("export_vs_write_ratio", best_of (export, REPEATS) / best_of (write, REPEATS), "x");
  report ("casefile_mb", st.st_size / 1e6, "MB");
}

static cairo_status_t
count_bytes_cb (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

/* The PDF of @rep as cw_document_write_pdf() writes it, timed in three
 * parts: Pango laying the pages out, drawing them on the cairo_t (which
 * cairo's PDF surface records), and cairo writing the recorded pages as
 * PDF (cairo_show_page() and the end of the surface), where none of
 * Casework's code runs. */
static void
report_phases (CwReport *rep,
               double   *layout,
               double   *draw,
               double   *pdf)
{
  g_autoptr(CwReportDocument) document = cw_report_document_new (rep);
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *context;
  double width, height;
  gsize bytes = 0;
  gint64 start;
  guint n_pages;

  *draw = *pdf = 0;
  cw_paper_size_points ("a4", &width, &height);
  surface = cairo_pdf_surface_create_for_stream (count_bytes_cb, &bytes, width, height);
  cr = cairo_create (surface);
  context = pango_cairo_create_context (cr);
  pango_context_set_round_glyph_positions (context, FALSE);

  start = g_get_monotonic_time ();
  n_pages = cw_document_paginate (CW_DOCUMENT (document), context, width, height);
  *layout = ms_since (start);

  for (guint i = 0; i < n_pages; i++)
    {
      start = g_get_monotonic_time ();
      cairo_save (cr);
      cw_document_draw_page (CW_DOCUMENT (document), cr, i);
      cairo_restore (cr);
      *draw += ms_since (start);

      start = g_get_monotonic_time ();
      cairo_show_page (cr);
      *pdf += ms_since (start);
    }

  g_object_unref (context);
  cairo_destroy (cr);
  start = g_get_monotonic_time ();
  cairo_surface_finish (surface);
  *pdf += ms_since (start);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS || bytes == 0)
    fail ("making the report in parts: no PDF came out", NULL);
  cairo_surface_destroy (surface);
}

/* The yearly report of 1,000 cases with 100 entries each in the year,
 * built and rendered to PDF. */
static void
bench_report (Bench *b)
{
  g_autoptr(CwStore) store = fresh_store (b, "report.db");
  double times[REPEATS], build[REPEATS], layout[REPEATS], draw[REPEATS], pdf[REPEATS];
  gsize size = 0;

  fill (b, store, REPORT_CASES, REPORT_CASES * REPORT_ENTRIES, REPORT_YEAR);

  for (guint r = 0; r < REPEATS; r++)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(CwReport) rep = cw_report_build (store, REPORT_YEAR, NULL, FALSE, &error);

      build[r] = ms_since (start);
      if (rep == NULL || !cw_report_write_pdf (rep, out, &error))
        fail ("making the report", error);
      times[r] = ms_since (start);
      size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
      g_clear_object (&out);

      report_phases (rep, &layout[r], &draw[r], &pdf[r]);
    }
  if (size == 0)
    fail ("making the report: the PDF is empty", NULL);
  report ("report_ms", best_of (times, REPEATS), "ms");
  report ("report_build_ms", best_of (build, REPEATS), "ms");
  report ("report_layout_ms", best_of (layout, REPEATS), "ms");
  report ("report_draw_ms", best_of (draw, REPEATS), "ms");
  report ("report_cairo_pdf_ms", best_of (pdf, REPEATS), "ms");
}

/* A meeting pack: briefings, letters to every target in four languages,
 * two copies each, envelopes. */
static void
bench_letters (Bench *b)
{
  static const char * const languages[] = { "en", "es", "fr", "ar" };
  g_autoptr(CwStore) store = fresh_store (b, "letters.db");
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  CwDate date;
  double times[REPEATS];
  guint n_pages = 0;

  if (!cw_store_begin (store, &error))
    fail ("generating letters", error);
  for (guint c = 0; c < LETTER_CASES; c++)
    {
      g_autoptr(CwCase) kase = make_case (b, c);

      for (guint t = 0; t < 3; t++)
        {
          CwTarget *target = cw_target_new ();
          const char *address[] = { "Office of the Minister of Justice", "1 Government Square",
                                    "Capital City", NULL };

          target->role = g_strdup (t == 2 ? "copy" : "appeal");
          target->language = g_strdup (languages[(c + t) % G_N_ELEMENTS (languages)]);
          target->title = g_strdup ("Minister of Justice");
          target->name = g_strdup_printf ("%s %s", PICK (b, given_names), PICK (b, family_names));
          target->address = g_strdupv ((char **) address);
          g_ptr_array_add (cw_case_get_targets (kase), target);
        }
      if (!cw_store_save_case (store, kase, &error))
        fail ("generating letters", error);
      g_ptr_array_add (ids, g_strdup (cw_case_get_id (kase)));
    }
  if (!cw_store_commit (store, &error))
    fail ("generating letters", error);
  g_ptr_array_add (ids, NULL);

  if (!cw_date_parse ("2026-11-21", &date, &error))
    fail ("generating letters", error);
  for (guint r = 0; r < REPEATS; r++)
    {
      g_autofree char *path = g_build_filename (b->dir, "pack.pdf", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      gint64 start = g_get_monotonic_time ();
      g_autoptr(CwMeetingPack) pack = cw_meeting_pack_new_from_store (store, (const char * const *) ids->pdata,
                                                                      CW_LETTER_ROLE_APPEAL | CW_LETTER_ROLE_COPY,
                                                                      2, &date, &error);

      if (pack == NULL || !cw_meeting_pack_write_pdf_file (pack, file, &error))
        fail ("writing the meeting pack", error);
      times[r] = ms_since (start);
      n_pages = cw_meeting_pack_get_n_pages (pack);
    }
  report ("letters_pages_per_s", n_pages / (best_of (times, REPEATS) / 1000.0), "pages/s");
}

int
main (int   argc,
      char *argv[])
{
  Bench b = { .n_cases = 10000, .n_entries = 1000000 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *keep = NULL;
  g_autofree char *only = NULL;
  int cases = 10000, entries = 1000000;
  struct rusage usage;
  gint64 start;
  const GOptionEntry options[] = {
    { "cases", 0, 0, G_OPTION_ARG_INT, &cases, "Generate N cases (10000)", "N" },
    { "entries", 0, 0, G_OPTION_ARG_INT, &entries, "Generate N timeline entries in all (1000000)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Work in DIR and leave the databases there", "DIR" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, "Measure only casefiles, filter, open, report or letters", "WHAT" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, "Measure Casework on generated data; prints NAME\tVALUE\tUNIT lines.");
  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("casework-bench: %s\n", error->message);
      return 64;
    }
  if (cases < IMPORT_CASES || entries < 0)
    {
      g_printerr ("casework-bench: --cases must be at least %u and --entries not negative\n", IMPORT_CASES);
      return 64;
    }
  b.n_cases = (guint) cases;
  b.n_entries = (guint) entries;
  b.rand = g_rand_new_with_seed (SEED);
  if (keep != NULL)
    {
      b.dir = g_strdup (keep);
      g_mkdir_with_parents (b.dir, 0700);
    }
  else if ((b.dir = g_dir_make_tmp ("casework-bench-XXXXXX", &error)) == NULL)
    fail ("making a working folder", error);

  {
    g_autoptr(CwStore) store = open_store (&b, "cases.db");

    start = g_get_monotonic_time ();
    if (cw_store_count_cases (store) == 0)
      {
        fill (&b, store, b.n_cases, b.n_entries, 0);
        report ("generate_s", ms_since (start) / 1000.0, "s");
      }
    else if (cw_store_count_cases (store) != b.n_cases)
      {
        g_printerr ("casework-bench: %s holds another number of cases\n", b.dir);
        return 1;
      }
  }

#define RUN(what) if (only == NULL || g_str_equal (only, #what)) bench_##what (&b)
  RUN (casefiles);
  RUN (filter);
  RUN (open);
  RUN (report);
  RUN (letters);
#undef RUN

  getrusage (RUSAGE_SELF, &usage);
  report ("rss_mb", usage.ru_maxrss / 1024.0, "MB");

  if (keep == NULL)
    cw_test_remove_tree (b.dir);
  g_rand_free (b.rand);
  g_free (b.dir);
  return 0;
}
