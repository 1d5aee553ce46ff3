/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-report"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-report.h"
#include "cw-store-private.h"

/*
 * Building the yearly report from the store: which cases were open in the
 * year, what the group did on each, and what it adds up to. A date counts
 * in its year whatever its precision: "2025-07" and "2025" are both 2025.
 */

typedef struct {
  CwReport report;
  gatomicrefcount ref_count;
} CwReportReal;

G_DEFINE_BOXED_TYPE (CwReport, cw_report, cw_report_ref, cw_report_unref)

static void
report_case_free (CwReportCase *rc)
{
  g_clear_object (&rc->kase);
  g_clear_pointer (&rc->holders, g_ptr_array_unref);
  g_clear_pointer (&rc->entries, g_ptr_array_unref);
  g_clear_pointer (&rc->tallies, g_array_unref);
  g_free (rc->how_it_went);
  g_free (rc->next_steps);
  g_free (rc);
}

static void
tally_clear (gpointer data)
{
  CwReportTally *tally = data;

  g_free (tally->kind);
}

static GArray *
tallies_new (void)
{
  GArray *tallies = g_array_new (FALSE, TRUE, sizeof (CwReportTally));

  g_array_set_clear_func (tallies, tally_clear);
  return tallies;
}

static CwReport *
report_new (guint    year,
            gboolean include_private)
{
  CwReportReal *real = g_new0 (CwReportReal, 1);
  CwDate today;

  g_atomic_ref_count_init (&real->ref_count);
  real->report.year = year;
  real->report.include_private = include_private;
  cw_date_today (&today);
  real->report.made = cw_date_to_iso (&today);
  real->report.holders = g_ptr_array_new_with_free_func (g_free);
  real->report.cases = g_ptr_array_new_with_free_func ((GDestroyNotify) report_case_free);
  real->report.totals = tallies_new ();
  return &real->report;
}

CwReport *
cw_report_ref (CwReport *self)
{
  CwReportReal *real = (CwReportReal *) self;

  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&real->ref_count);
  return self;
}

void
cw_report_unref (CwReport *self)
{
  CwReportReal *real = (CwReportReal *) self;

  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&real->ref_count))
    return;

  g_free (self->made);
  g_clear_pointer (&self->profile, cw_profile_free);
  g_clear_pointer (&self->holders, g_ptr_array_unref);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_pointer (&self->totals, g_array_unref);
  g_free (real);
}

/**
 * cw_report_set_made:
 * @date: a day, `YYYY-MM-DD`
 *
 * Sets the date the report says it was made on; it is today unless set.
 */
void
cw_report_set_made (CwReport   *self,
                    const char *date)
{
  CwDate parsed;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cw_date_parse (date, &parsed, NULL) &&
                    parsed.precision == CW_DATE_PRECISION_DAY);

  g_free (self->made);
  self->made = g_strdup (date);
}

/* Dates and years */

/* The year of a partial ISO date, or 0 for none. */
static guint
year_of (const char *iso)
{
  CwDate date;

  return iso != NULL && cw_date_parse (iso, &date, NULL) ? date.year : 0;
}

/* What a case's timeline says of when the case was open: the years of
 * its first and last entries, and of its first entry after a closing date
 * the case keeps; 0 for none. Read from the entries, or from the store's
 * cw_store_get_timeline_dates() without them. */
typedef struct {
  guint first;
  guint last;
  guint after_closed;
} TimelineYears;

static void
timeline_years (CwCase        *kase,
                GPtrArray     *entries,
                TimelineYears *years)
{
  const char *closed = cw_case_get_closed (kase);
  const char *after = NULL;

  years->first = 0;
  years->last = 0;
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const char *date = cw_entry_get_date (g_ptr_array_index (entries, i));
      guint year = year_of (date);

      if (year == 0)
        continue;
      if (years->first == 0 || year < years->first)
        years->first = year;
      if (year > years->last)
        years->last = year;
      /* ISO dates of any precision compare as text. */
      if (closed != NULL && strcmp (date, closed) > 0 && (after == NULL || strcmp (date, after) < 0))
        after = date;
    }
  years->after_closed = year_of (after);
}

/* The year a case closed now was closed in, or 0 if it is not closed. A
 * closing date kept from before a case was reopened is not read here but
 * by closed_until(). A partial closing date counts at its end: "2025-12" and
 * "2025" are both closed by the end of 2025, and neither before it. A
 * closed case without a closing date was closed in the year of its last
 * entry, and one without any date at all, long ago. */
static guint
closed_year (CwCase              *kase,
             const TimelineYears *years)
{
  guint year;

  if (cw_case_get_status (kase) != CW_CASE_STATUS_CLOSED)
    return 0;

  year = year_of (cw_case_get_closed (kase));
  if (year != 0)
    return year;
  return years->last != 0 ? years->last : 1;
}

/* A case not closed now that keeps a closing date was closed then and
 * reopened later. The year it came back is the year of its first entry
 * after the closing date; 0 when nothing was logged since, and so nothing
 * says when. */
static guint
reopened_year (CwCase              *kase,
               const TimelineYears *years)
{
  if (cw_case_get_status (kase) == CW_CASE_STATUS_CLOSED ||
      year_of (cw_case_get_closed (kase)) == 0)
    return 0;
  return years->after_closed;
}

/* The year a case was opened in: its opening date's; without one, the
 * earliest of the urgent action's issue, its first entry and its closing;
 * 0 when nothing says. */
static guint
opened_year (CwCase              *kase,
             const TimelineYears *years)
{
  guint opened = year_of (cw_case_get_opened (kase));
  guint known[2] = {
    year_of (cw_case_get_ua_issued (kase)),
    year_of (cw_case_get_closed (kase)),
  };
  guint first = years->first;

  if (opened != 0)
    return opened;
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (known[i] != 0 && (first == 0 || known[i] < first))
      first = known[i];
  return first;
}

/* The year a case that keeps a closing date but is not closed now was
 * closed until: the year before it came back, or 0 when it is not such a
 * case or nothing says when it came back. */
static guint
closed_until (CwCase              *kase,
              const TimelineYears *years)
{
  guint back = reopened_year (kase, years);

  return back != 0 ? back - 1 : 0;
}

/* Whether cw_report_case_is_open_in() needs the case's timeline: it does
 * when the case says neither when it was opened nor when it was closed, or
 * when it was reopened after a closing date it keeps. */
static gboolean
open_in_needs_timeline (CwCase *kase)
{
  return year_of (cw_case_get_opened (kase)) == 0 ||
         (cw_case_get_status (kase) == CW_CASE_STATUS_CLOSED &&
          year_of (cw_case_get_closed (kase)) == 0) ||
         (cw_case_get_status (kase) != CW_CASE_STATUS_CLOSED &&
          year_of (cw_case_get_closed (kase)) != 0);
}

static gboolean
open_in (CwCase              *kase,
         const TimelineYears *years,
         guint                year)
{
  guint opened = opened_year (kase, years);
  guint closed = closed_year (kase, years);

  if (closed == 0 && year > year_of (cw_case_get_closed (kase)) &&
      year <= closed_until (kase, years))
    return FALSE;

  return opened != 0 && opened <= year && (closed == 0 || closed >= year);
}

/**
 * cw_report_case_is_open_in:
 * @entries: (element-type CwEntry): the case's whole timeline
 *
 * Whether the case was open at any time in @year: opened (or, if that is
 * not known, issued as an urgent action or first written about) by the
 * year's end, and not closed before the year began. A case reopened after
 * a closing date it keeps was closed in the years between that date and
 * its next entry. A case that says nothing of when it was open was open
 * in no year that can be named.
 */
gboolean
cw_report_case_is_open_in (CwCase    *kase,
                           GPtrArray *entries,
                           guint      year)
{
  TimelineYears years;

  g_return_val_if_fail (CW_IS_CASE (kase), FALSE);

  timeline_years (kase, entries, &years);
  return open_in (kase, &years, year);
}

/* One case */

static GPtrArray *
holders_in (CwCase *kase,
            guint   year)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *holders = cw_case_get_holders (kase);

  for (guint i = 0; i < holders->len; i++)
    {
      CwContact *holder = g_ptr_array_index (holders, i);
      guint from = year_of (holder->from), to = year_of (holder->to);

      if (from <= year && (to == 0 || to >= year) && holder->name != NULL)
        g_ptr_array_add (names, g_strdup (holder->name));
    }
  return names;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  CwEntry *ea = *(CwEntry **) a, *eb = *(CwEntry **) b;
  CwDate da = { 0 }, db = { 0 };
  int cmp;

  cw_date_parse (cw_entry_get_date (ea), &da, NULL);
  cw_date_parse (cw_entry_get_date (eb), &db, NULL);
  cmp = cw_date_compare (&da, &db);
  if (cmp == 0)
    cmp = g_strcmp0 (cw_entry_get_title (ea), cw_entry_get_title (eb));
  return cmp != 0 ? cmp : g_strcmp0 (cw_entry_get_id (ea), cw_entry_get_id (eb));
}

static GPtrArray *
entries_in (GPtrArray *timeline,
            guint      year,
            gboolean   include_private)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < timeline->len; i++)
    {
      CwEntry *entry = g_ptr_array_index (timeline, i);

      if (year_of (cw_entry_get_date (entry)) != year)
        continue;
      if (cw_entry_get_private (entry) && !include_private)
        continue;
      g_ptr_array_add (entries, g_object_ref (entry));
    }
  g_ptr_array_sort (entries, compare_entries);
  return entries;
}

static CwReportTally *
find_tally (GArray     *tallies,
            const char *kind)
{
  for (guint i = 0; i < tallies->len; i++)
    if (g_strcmp0 (g_array_index (tallies, CwReportTally, i).kind, kind) == 0)
      return &g_array_index (tallies, CwReportTally, i);
  return NULL;
}

/* A tally for every activity kind, in the format's order; the empty ones
 * are dropped by drop_empty_tallies(). */
static GArray *
all_kinds_tallies (void)
{
  const char * const *kinds = cw_entry_kinds (CW_ENTRY_CATEGORY_ACTIVITY);
  GArray *tallies = tallies_new ();

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      CwReportTally tally = { g_strdup (kinds[i]), 0, 0, FALSE };

      g_array_append_val (tallies, tally);
    }
  return tallies;
}

static void
drop_empty_tallies (GArray *tallies)
{
  for (guint i = tallies->len; i > 0; i--)
    if (g_array_index (tallies, CwReportTally, i - 1).times == 0)
      g_array_remove_index (tallies, i - 1);
}

static void
add_to_tally (GArray  *tallies,
              CwEntry *entry)
{
  const char *kind = cw_entry_get_kind (entry);
  CwReportTally *tally;

  if (kind == NULL || !cw_entry_kind_is_valid (CW_ENTRY_CATEGORY_ACTIVITY, kind))
    kind = "other";
  tally = find_tally (tallies, kind);
  g_assert (tally != NULL);

  tally->times++;
  if (cw_entry_get_count (entry) >= 0)
    {
      tally->count += cw_entry_get_count (entry);
      tally->counted = TRUE;
    }
}

static void
count_entries (CwReportCase *rc)
{
  rc->tallies = all_kinds_tallies ();
  for (guint i = 0; i < rc->entries->len; i++)
    {
      CwEntry *entry = g_ptr_array_index (rc->entries, i);

      switch (cw_entry_get_category (entry))
        {
        case CW_ENTRY_CATEGORY_OUTCOME:
          rc->n_outcomes++;
          break;
        case CW_ENTRY_CATEGORY_UPDATE:
          rc->n_updates++;
          break;
        case CW_ENTRY_CATEGORY_ACTIVITY:
        default:
          add_to_tally (rc->tallies, entry);
        }
    }
  drop_empty_tallies (rc->tallies);
}

/* Whether the group logged an activity on the case after @year. */
static gboolean
active_after (GPtrArray *timeline,
              guint      year)
{
  for (guint i = 0; i < timeline->len; i++)
    {
      CwEntry *entry = g_ptr_array_index (timeline, i);

      if (cw_entry_get_category (entry) == CW_ENTRY_CATEGORY_ACTIVITY &&
          year_of (cw_entry_get_date (entry)) > year)
        return TRUE;
    }
  return FALSE;
}

/*
 * The status at the end of the year. The store keeps a case's status now,
 * not its past ones; what it does keep is when a closed case closed (at
 * any precision) and how, and the timeline. So:
 *
 * - closed now, on a date in the year or before it: closed at the year's
 *   end, on that date and with that outcome ("2025-12" and "2025" count as
 *   closed by the end of 2025); without a closing date, in the year of the
 *   case's last entry (closed_year());
 * - closed now, on a date after the year: it was open at the year's end,
 *   so "active" (nothing records a pause before it closed), and its
 *   closing and outcome belong to a later year's report;
 * - paused now: paused at the year's end, unless the group logged an
 *   activity on the case after the year, which says the pause came later:
 *   then active;
 * - active or paused now, with a closing date kept from before it was
 *   reopened: closed at the end of the years from that date until the
 *   year before its next entry (reopened_year()); with no entry since,
 *   nothing says when it came back, and the date is not read;
 * - active now: active.
 *
 * A case picked for a year before it was opened is marked as opened later.
 */
static void
set_status_at_end (CwReportCase *rc,
                   GPtrArray    *timeline,
                   guint         year)
{
  TimelineYears years;
  guint closed, kept, opened;
  CwCaseStatus now = cw_case_get_status (rc->kase);

  timeline_years (rc->kase, timeline, &years);
  closed = closed_year (rc->kase, &years);
  kept = year_of (cw_case_get_closed (rc->kase));
  opened = opened_year (rc->kase, &years);

  rc->opened_later = opened > year;
  if (closed != 0 && closed <= year)
    {
      rc->status = CW_CASE_STATUS_CLOSED;
      rc->closed_in_year = closed == year;
    }
  else if (closed == 0 && kept != 0 && kept <= year && year <= closed_until (rc->kase, &years))
    {
      rc->status = CW_CASE_STATUS_CLOSED;
      rc->closed_in_year = kept == year;
    }
  else if (now == CW_CASE_STATUS_PAUSED && !active_after (timeline, year))
    rc->status = CW_CASE_STATUS_PAUSED;
  else
    rc->status = CW_CASE_STATUS_ACTIVE;
}

static CwReportCase *
report_case_new (CwStore    *store,
                 CwCase     *kase,
                 GPtrArray  *timeline,
                 guint       year,
                 gboolean    include_private,
                 GError    **error)
{
  CwReportCase *rc = g_new0 (CwReportCase, 1);

  rc->kase = g_object_ref (kase);
  rc->holders = holders_in (kase, year);
  rc->entries = entries_in (timeline, year, include_private);
  count_entries (rc);
  set_status_at_end (rc, timeline, year);

  if (!cw_store_load_report_note (store, cw_case_get_id (kase), year,
                                  &rc->how_it_went, &rc->next_steps, error))
    {
      report_case_free (rc);
      return NULL;
    }
  return rc;
}

/* The whole report */

/* The entries of a timeline that are not private, in its order. */
static GPtrArray *
public_entries (GPtrArray *timeline)
{
  GPtrArray *entries = g_ptr_array_new_full (timeline->len, g_object_unref);

  for (guint i = 0; i < timeline->len; i++)
    {
      CwEntry *entry = g_ptr_array_index (timeline, i);

      if (!cw_entry_get_private (entry))
        g_ptr_array_add (entries, g_object_ref (entry));
    }
  return entries;
}


static gboolean
add_case (CwReport    *report,
          CwStore     *store,
          const char  *id,
          gboolean     only_if_open,
          GError     **error)
{
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(CwCase) kase = NULL;
  CwReportCase *rc;

  timeline = cw_store_list_entries (store, id, error);
  if (timeline == NULL)
    return FALSE;
  /* Left out, a private entry decides nothing either: not whether the
   * case was open in the year, nor its status at the year's end. */
  if (!report->include_private)
    {
      GPtrArray *shown = public_entries (timeline);

      g_ptr_array_unref (timeline);
      timeline = shown;
    }

  if (only_if_open)
    {
      g_autoptr(CwCase) summary = cw_store_load_case_summary (store, id, error);

      if (summary == NULL)
        return FALSE;
      if (!cw_report_case_is_open_in (summary, timeline, report->year))
        return TRUE;
    }

  kase = cw_store_load_case (store, id, error);
  if (kase == NULL)
    return FALSE;

  rc = report_case_new (store, kase, timeline, report->year, report->include_private, error);
  if (rc == NULL)
    return FALSE;
  g_ptr_array_add (report->cases, rc);
  return TRUE;
}

/* The cases asked for, each once, every one of them known. */
static GPtrArray *
requested_ids (CwStore             *store,
               const char * const  *case_ids,
               GError             **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; case_ids[i] != NULL; i++)
    {
      if (!g_hash_table_add (seen, (gpointer) case_ids[i]))
        continue;
      if (!cw_store_has_case (store, case_ids[i]))
        {
          g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND,
                       _("There is no case with the id “%s”"), case_ids[i]);
          return NULL;
        }
      g_ptr_array_add (ids, g_strdup (case_ids[i]));
    }
  return g_steal_pointer (&ids);
}

static GPtrArray *
every_id (CwStore  *store,
          GError  **error)
{
  g_autoptr(GPtrArray) cases = cw_store_list_cases (store, error);
  GPtrArray *ids;

  if (cases == NULL)
    return NULL;

  ids = g_ptr_array_new_full (cases->len, g_free);
  for (guint i = 0; i < cases->len; i++)
    g_ptr_array_add (ids, g_strdup (cw_case_get_id (g_ptr_array_index (cases, i))));
  return ids;
}

static int
compare_cases (gconstpointer a,
               gconstpointer b)
{
  CwCase *ca = (*(CwReportCase **) a)->kase, *cb = (*(CwReportCase **) b)->kase;
  g_autofree char *ka = g_utf8_collate_key (cw_case_get_title (ca), -1);
  g_autofree char *kb = g_utf8_collate_key (cw_case_get_title (cb), -1);
  int cmp = strcmp (ka, kb);

  return cmp != 0 ? cmp : strcmp (cw_case_get_id (ca), cw_case_get_id (cb));
}

static void
add_holders (CwReport  *report,
             GPtrArray *names)
{
  for (guint i = 0; i < names->len; i++)
    if (!g_ptr_array_find_with_equal_func (report->holders, names->pdata[i], g_str_equal, NULL))
      g_ptr_array_add (report->holders, g_strdup (names->pdata[i]));
}

static void
add_up (CwReport *report)
{
  g_autoptr(GArray) totals = all_kinds_tallies ();

  for (guint i = 0; i < report->cases->len; i++)
    {
      CwReportCase *rc = g_ptr_array_index (report->cases, i);

      for (guint t = 0; t < rc->tallies->len; t++)
        {
          CwReportTally *from = &g_array_index (rc->tallies, CwReportTally, t);
          CwReportTally *to = find_tally (totals, from->kind);

          g_assert (to != NULL);
          to->times += from->times;
          to->count += from->count;
          to->counted |= from->counted;
        }
      report->n_outcomes += rc->n_outcomes;
      report->n_updates += rc->n_updates;
      report->n_entries += rc->entries->len;
      report->n_closed += rc->closed_in_year ? 1 : 0;
      add_holders (report, rc->holders);
    }

  drop_empty_tallies (totals);
  g_array_unref (report->totals);
  report->totals = g_steal_pointer (&totals);
}

/**
 * cw_report_build_full:
 * @year: the year to report on
 * @case_ids: (nullable) (array zero-terminated=1): the cases to report on;
 *   %NULL for every case open at any time in @year
 * @include_private: whether private timeline entries go in
 * @cancellable: (nullable): stops the reading between two cases
 *
 * Reads the year's report from the store. An unknown case id fails with
 * %CW_STORE_ERROR_NOT_FOUND, a year outside 1–9999 with
 * %CW_STORE_ERROR_INVALID, a cancelled build with %G_IO_ERROR_CANCELLED.
 *
 * Returns: (transfer full) (nullable): the report
 */
CwReport *
cw_report_build_full (CwStore             *store,
                      guint                year,
                      const char * const  *case_ids,
                      gboolean             include_private,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_autoptr(CwReport) report = NULL;
  g_autoptr(GPtrArray) ids = NULL;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (year < 1 || year > 9999)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("%u is not a year a report can be written for"), year);
      return NULL;
    }

  report = report_new (year, include_private);
  report->profile = cw_store_load_profile (store, error);
  if (report->profile == NULL)
    return NULL;
  ids = case_ids != NULL ? requested_ids (store, case_ids, error) : every_id (store, error);
  if (ids == NULL)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
        !add_case (report, store, g_ptr_array_index (ids, i), case_ids == NULL, error))
      return NULL;

  g_ptr_array_sort (report->cases, compare_cases);
  add_up (report);
  return g_steal_pointer (&report);
}

/**
 * cw_report_build:
 *
 * cw_report_build_full() that cannot be cancelled.
 *
 * Returns: (transfer full) (nullable): the report
 */
CwReport *
cw_report_build (CwStore             *store,
                 guint                year,
                 const char * const  *case_ids,
                 gboolean             include_private,
                 GError             **error)
{
  return cw_report_build_full (store, year, case_ids, include_private, NULL, error);
}

/**
 * cw_report_build_from_path:
 * @db_path: the database file a #CwStore has open
 *
 * cw_report_build_full() over a read-only connection of its own to
 * @db_path, opened and closed here: neither a #CwStore nor an SQLite
 * connection may be used from two threads, so this is how a report is
 * built in a worker thread while the window keeps its store. It reads
 * what has been committed.
 *
 * Returns: (transfer full) (nullable): the report
 */
CwReport *
cw_report_build_from_path (const char          *db_path,
                           guint                year,
                           const char * const  *case_ids,
                           gboolean             include_private,
                           GCancellable        *cancellable,
                           GError             **error)
{
  g_autoptr(CwStore) store = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = cw_store_open_file_read_only (db_path, error);
  if (store == NULL)
    return NULL;
  return cw_report_build_full (store, year, case_ids, include_private, cancellable, error);
}

/**
 * cw_report_list_open_cases:
 * @include_private: whether private timeline entries count, as they do
 *   in a report that includes them
 *
 * Returns: (transfer container) (element-type utf8): the ids of the cases
 *   open at any time in @year, in the store's order
 */
GPtrArray *
cw_report_list_open_cases (CwStore   *store,
                           guint      year,
                           gboolean   include_private,
                           GError   **error)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  cases = cw_store_list_cases (store, error);
  if (cases == NULL)
    return NULL;

  for (guint i = 0; i < cases->len; i++)
    {
      CwCase *kase = g_ptr_array_index (cases, i);
      TimelineYears years = { 0, 0, 0 };

      /* Most cases say when they were opened and closed: their timelines
       * are not read. The others' are read for the three dates that
       * matter, not entry by entry, so that choosing a year stays quick. */
      if (open_in_needs_timeline (kase))
        {
          g_autofree char *first = NULL;
          g_autofree char *last = NULL;
          g_autofree char *after = NULL;

          if (!cw_store_get_timeline_dates (store, cw_case_get_id (kase), include_private,
                                            cw_case_get_closed (kase), &first, &last, &after,
                                            error))
            return NULL;
          years.first = year_of (first);
          years.last = year_of (last);
          years.after_closed = year_of (after);
        }
      if (open_in (kase, &years, year))
        g_ptr_array_add (ids, g_strdup (cw_case_get_id (kase)));
    }
  return g_steal_pointer (&ids);
}
