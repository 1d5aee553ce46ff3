/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-case-filter"

#include "cw-case-filter.h"

#include "cw-enums.h"

/*
 * Which cases the list shows: the matches of what was typed in the search
 * (the store's full-text index) and the status, type and region filters.
 *
 * The match function runs for every case on every keystroke, so it
 * allocates nothing and looks nothing up by name: the filters are kept as
 * enum values, the search as the sorted row numbers of the matching cases
 * (cw_case_get_row()), searched by halves.
 *
 * Row numbers belong to the database as it is: a new case may take the
 * number of a deleted one, and a restore renumbers them all. So when cases
 * come, go or change, the search is run again once the main loop is idle. Each change tells the
 * filter model whether it can only narrow what shows (a longer word, a
 * filter set where there was none), so that it checks only the cases still
 * shown.
 */

struct _CwCaseFilter
{
  GtkFilter parent_instance;

  CwStore *store;
  char *search_text;            /* NULL: no search */
  GArray *search_rows;          /* gint64, ascending; NULL: no search */
  guint refresh_source;         /* runs the search again after a change */
  char *status;                 /* "all" or a format word */
  char *type;
  char *region;
  int status_value;             /* as enum values, -1 for all */
  int type_value;
};

G_DEFINE_FINAL_TYPE (CwCaseFilter, cw_case_filter, GTK_TYPE_FILTER)

static gboolean
has_row (GArray *rows,
         gint64  row)
{
  const gint64 *values = (const gint64 *) (gpointer) rows->data;
  guint low = 0, high = rows->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (values[middle] == row)
        return TRUE;
      if (values[middle] < row)
        low = middle + 1;
      else
        high = middle;
    }
  return FALSE;
}

static gboolean
cw_case_filter_match (GtkFilter *filter,
                      gpointer   item)
{
  CwCaseFilter *self = CW_CASE_FILTER (filter);
  CwCase *kase = item;

  if (self->search_rows != NULL && !has_row (self->search_rows, cw_case_get_row (kase)))
    return FALSE;

  return (self->status_value < 0 || (int) cw_case_get_status (kase) == self->status_value) &&
         (self->type_value < 0 || (int) cw_case_get_case_type (kase) == self->type_value) &&
         (self->region == NULL || g_strcmp0 (self->region, cw_case_get_region (kase)) == 0);
}

static GtkFilterMatch
cw_case_filter_get_strictness (GtkFilter *filter)
{
  return cw_case_filter_is_active (CW_CASE_FILTER (filter)) ? GTK_FILTER_MATCH_SOME
                                                            : GTK_FILTER_MATCH_ALL;
}

static void
cw_case_filter_finalize (GObject *object)
{
  CwCaseFilter *self = CW_CASE_FILTER (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->search_rows, g_array_unref);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->type, g_free);
  g_clear_pointer (&self->region, g_free);

  G_OBJECT_CLASS (cw_case_filter_parent_class)->finalize (object);
}

static void
cw_case_filter_class_init (CwCaseFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = cw_case_filter_finalize;
  filter_class->match = cw_case_filter_match;
  filter_class->get_strictness = cw_case_filter_get_strictness;
}

static void
cw_case_filter_init (CwCaseFilter *self)
{
  self->status_value = -1;
  self->type_value = -1;
}

static gboolean search (CwCaseFilter  *self,
                        const char    *text,
                        int            change,
                        GError       **error);

static gboolean
refresh_cb (gpointer user_data)
{
  CwCaseFilter *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup (self->search_text);

  self->refresh_source = 0;
  if (text != NULL && !search (self, text, GTK_FILTER_CHANGE_DIFFERENT, &error))
    g_warning ("Search failed: %s", error->message);
  return G_SOURCE_REMOVE;
}

static void
cases_changed_cb (CwCaseFilter *self,
                  const char   *case_id)
{
  if (self->search_text != NULL && self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_cb, self);
}

/**
 * cw_case_filter_new:
 * @store: (nullable): where the search looks; %NULL for no search
 */
CwCaseFilter *
cw_case_filter_new (CwStore *store)
{
  CwCaseFilter *self = g_object_new (CW_TYPE_CASE_FILTER, NULL);

  g_return_val_if_fail (store == NULL || CW_IS_STORE (store), NULL);

  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_swapped (store, "case-added", G_CALLBACK (cases_changed_cb), self);
      g_signal_connect_swapped (store, "case-changed", G_CALLBACK (cases_changed_cb), self);
      g_signal_connect_swapped (store, "case-removed", G_CALLBACK (cases_changed_cb), self);
    }
  return self;
}

/* Each new word, or a longer last word, can only narrow the matches. */
static GtkFilterChange
change_between (const char *before,
                const char *after)
{
  if (before == NULL)
    return after == NULL ? GTK_FILTER_CHANGE_DIFFERENT : GTK_FILTER_CHANGE_MORE_STRICT;
  if (after == NULL)
    return GTK_FILTER_CHANGE_LESS_STRICT;
  if (g_str_has_prefix (after, before))
    return GTK_FILTER_CHANGE_MORE_STRICT;
  if (g_str_has_prefix (before, after))
    return GTK_FILTER_CHANGE_LESS_STRICT;
  return GTK_FILTER_CHANGE_DIFFERENT;
}

/* Runs the search for @text (stripped, not empty) or, with %NULL, ends it;
 * @change says how that changes what shows, -1 to work it out. */
static gboolean
search (CwCaseFilter  *self,
        const char    *text,
        int            change,
        GError       **error)
{
  g_autoptr(GArray) rows = NULL;
  g_autofree char *before = NULL;

  if (text != NULL && self->store != NULL)
    {
      GError *local_error = NULL;

      rows = cw_store_search_case_rows (self->store, text, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
    }

  if (rows == NULL && self->search_rows == NULL)
    return TRUE;

  before = g_steal_pointer (&self->search_text);
  g_clear_pointer (&self->search_rows, g_array_unref);
  self->search_rows = g_steal_pointer (&rows);
  self->search_text = self->search_rows != NULL ? g_strdup (text) : NULL;

  gtk_filter_changed (GTK_FILTER (self), change >= 0 ? (GtkFilterChange) change
                                                    : change_between (before, self->search_text));
  return TRUE;
}

/**
 * cw_case_filter_set_search:
 * @text: (nullable): what the user typed
 *
 * Shows only the cases that match every word of @text. On error the
 * filter keeps what it showed.
 */
gboolean
cw_case_filter_set_search (CwCaseFilter  *self,
                           const char    *text,
                           GError       **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_return_val_if_fail (CW_IS_CASE_FILTER (self), FALSE);

  /* What the store cannot search stays as it was. */
  if (*stripped != '\0' && self->store == NULL)
    return TRUE;

  return search (self, *stripped != '\0' ? stripped : NULL, -1, error);
}

/**
 * cw_case_filter_get_search:
 *
 * Returns: (nullable): the words searched for, %NULL when there is no search
 */
const char *
cw_case_filter_get_search (CwCaseFilter *self)
{
  g_return_val_if_fail (CW_IS_CASE_FILTER (self), NULL);

  return self->search_text;
}

static char **
facet_field (CwCaseFilter *self,
             const char   *facet)
{
  if (g_strcmp0 (facet, "status") == 0)
    return &self->status;
  if (g_strcmp0 (facet, "type") == 0)
    return &self->type;
  if (g_strcmp0 (facet, "region") == 0)
    return &self->region;
  return NULL;
}

/* -1 for "all" or a word that is not a value of @type. */
static int
enum_value (GType       type,
            const char *word)
{
  int value;

  if (word == NULL || !cw_enum_from_nick (type, word, &value))
    return -1;
  return value;
}

/**
 * cw_case_filter_set_facet:
 * @facet: "status", "type" or "region"
 * @word: (nullable): the format's word for the value to show, or "all"
 */
void
cw_case_filter_set_facet (CwCaseFilter *self,
                          const char   *facet,
                          const char   *word)
{
  char **field;
  GtkFilterChange change;

  g_return_if_fail (CW_IS_CASE_FILTER (self));
  field = facet_field (self, facet);
  g_return_if_fail (field != NULL);

  if (g_strcmp0 (word, "all") == 0 || (word != NULL && *word == '\0'))
    word = NULL;
  if (g_strcmp0 (*field, word) == 0)
    return;

  change = *field == NULL ? GTK_FILTER_CHANGE_MORE_STRICT
         : word == NULL ? GTK_FILTER_CHANGE_LESS_STRICT
         : GTK_FILTER_CHANGE_DIFFERENT;

  g_free (*field);
  *field = g_strdup (word);
  self->status_value = enum_value (CW_TYPE_CASE_STATUS, self->status);
  self->type_value = enum_value (CW_TYPE_CASE_TYPE, self->type);
  gtk_filter_changed (GTK_FILTER (self), change);
}

/**
 * cw_case_filter_get_facet:
 *
 * Returns: the word @facet is set to, "all" when it shows every value
 */
const char *
cw_case_filter_get_facet (CwCaseFilter *self,
                          const char   *facet)
{
  char **field;

  g_return_val_if_fail (CW_IS_CASE_FILTER (self), NULL);
  field = facet_field (self, facet);
  g_return_val_if_fail (field != NULL, NULL);

  return *field != NULL ? *field : "all";
}

/* Whether a status, type or region filter is set. */
gboolean
cw_case_filter_has_facets (CwCaseFilter *self)
{
  g_return_val_if_fail (CW_IS_CASE_FILTER (self), FALSE);

  return self->status != NULL || self->type != NULL || self->region != NULL;
}

/* Whether any case may be hidden. */
gboolean
cw_case_filter_is_active (CwCaseFilter *self)
{
  g_return_val_if_fail (CW_IS_CASE_FILTER (self), FALSE);

  return self->search_rows != NULL || cw_case_filter_has_facets (self);
}
