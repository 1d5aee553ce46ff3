/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-casefile"

#include <glib/gi18n-lib.h>

#include "cw-casefile-import.h"
#include "cw-casefile-writer.h"
#include "cw-date.h"
#include "cw-store-private.h"

/*
 * Storing a document that has been read: all of it in one transaction, or
 * none of it. A case already in the database is merged as the format's
 * "Identity and re-import" section says: what the document carries
 * replaces, what it leaves out is kept, and timeline entries merge by id.
 */

CwImportSummary *
cw_import_summary_new (void)
{
  CwImportSummary *self = g_new0 (CwImportSummary, 1);

  self->cases_added = g_ptr_array_new_with_free_func (g_free);
  self->cases_updated = g_ptr_array_new_with_free_func (g_free);
  self->cases_unchanged = g_ptr_array_new_with_free_func (g_free);
  self->case_ids = g_ptr_array_new_with_free_func (g_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
cw_import_summary_free (CwImportSummary *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->cases_added);
  g_ptr_array_unref (self->cases_updated);
  g_ptr_array_unref (self->cases_unchanged);
  g_ptr_array_unref (self->case_ids);
  g_ptr_array_unref (self->warnings);
  g_free (self);
}

typedef gpointer (*CopyFunc) (gconstpointer item);

static void
replace_list (GPtrArray *stored,
              GPtrArray *incoming,
              CopyFunc   copy)
{
  g_ptr_array_set_size (stored, 0);
  for (guint i = 0; i < incoming->len; i++)
    g_ptr_array_add (stored, copy (g_ptr_array_index (incoming, i)));
}

static gpointer
copy_string (gconstpointer text)
{
  return g_strdup (text);
}

static gpointer
copy_reference (gconstpointer item)
{
  return cw_reference_copy (item);
}

static gpointer
copy_person (gconstpointer item)
{
  return cw_person_copy (item);
}

static gpointer
copy_contact (gconstpointer item)
{
  return cw_contact_copy (item);
}

static gpointer
copy_target (gconstpointer item)
{
  return cw_target_copy (item);
}

static gpointer
copy_model_letter (gconstpointer item)
{
  return cw_model_letter_copy (item);
}

/* The stored holder @holder of a document is: the one of the same name
 * who held the case from the same date, else the only one of that name.
 * Two holders may share a name; neither gets the other's details. */
static CwContact *
find_holder (GPtrArray *holders,
             CwContact *holder)
{
  CwContact *named = NULL;
  guint n_named = 0;

  for (guint i = 0; i < holders->len; i++)
    {
      CwContact *contact = g_ptr_array_index (holders, i);

      if (g_strcmp0 (contact->name, holder->name) != 0)
        continue;
      if (g_strcmp0 (contact->from, holder->from) == 0)
        return contact;
      named = contact;
      n_named++;
    }
  return n_named == 1 ? named : NULL;
}

/* What a document leaves out of a contact, the stored one of the same
 * person keeps: a public document leaves out holders' details and the
 * coordinator's email and phone. */
static void
keep_left_out (CwContact *incoming,
               CwContact *stored)
{
  if (stored == NULL)
    return;

  if (incoming->role == NULL)
    incoming->role = g_strdup (stored->role);
  if (incoming->organisation == NULL)
    incoming->organisation = g_strdup (stored->organisation);
  if (incoming->email == NULL)
    incoming->email = g_strdup (stored->email);
  if (incoming->phone == NULL)
    incoming->phone = g_strdup (stored->phone);
  if (incoming->address == NULL)
    incoming->address = g_strdupv (stored->address);
  if (incoming->notes == NULL)
    incoming->notes = g_strdup (stored->notes);
}

static void
merge_contacts (CwCase         *stored,
                CwCase         *doc,
                CwCasefileParts parts,
                gboolean        is_public)
{
  /* One element: what it leaves out of the same coordinator is kept. A
   * new coordinator's details are the document's alone. */
  if (parts & CW_CASEFILE_HAS_COORDINATOR)
    {
      CwContact *coordinator = cw_contact_copy (cw_case_get_coordinator (doc));
      CwContact *old = cw_case_get_coordinator (stored);

      if (old != NULL && g_strcmp0 (old->name, coordinator->name) == 0)
        keep_left_out (coordinator, old);
      cw_case_set_coordinator (stored, coordinator);
    }

  if (parts & CW_CASEFILE_HAS_HOLDERS)
    {
      g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_contact_free);
      GPtrArray *holders = cw_case_get_holders (stored);

      replace_list (old, holders, copy_contact);
      replace_list (holders, cw_case_get_holders (doc), copy_contact);
      if (is_public)
        for (guint i = 0; i < holders->len; i++)
          {
            CwContact *holder = g_ptr_array_index (holders, i);

            keep_left_out (holder, find_holder (old, holder));
          }
    }
}

#define KEEP(field) \
  G_STMT_START { \
    if (merged->field == NULL) \
      merged->field = g_strdup (old->field); \
  } G_STMT_END

/* Detention is one element: what it leaves out is kept. An access's note
 * goes with its value. */
static void
merge_detention (CwCase *stored,
                 CwCase *doc)
{
  const CwDetention *old = cw_case_get_detention (stored);
  CwDetention *merged = cw_detention_copy (cw_case_get_detention (doc));

  if (old != NULL)
    {
      KEEP (place);
      KEEP (arrested);
      KEEP (charges);
      KEEP (sentence);
      KEEP (health);
      if (merged->legal_access == NULL)
        {
          merged->legal_access = g_strdup (old->legal_access);
          merged->legal_access_note = g_strdup (old->legal_access_note);
        }
      if (merged->family_access == NULL)
        {
          merged->family_access = g_strdup (old->family_access);
          merged->family_access_note = g_strdup (old->family_access_note);
        }
    }
  cw_case_set_detention (stored, merged);
}

#undef KEEP

/* The urgent action is one element too: its number, issue date, deadline
 * and sequence each stay as stored where it leaves them out. */
static void
merge_urgent_action (CwCase *stored,
                     CwCase *doc)
{
  if (cw_case_get_ua_number (doc) != NULL)
    cw_case_set_ua_number (stored, cw_case_get_ua_number (doc));
  if (cw_case_get_ua_issued (doc) != NULL)
    cw_case_set_ua_issued (stored, cw_case_get_ua_issued (doc));
  if (cw_case_get_ua_deadline (doc) != NULL)
    cw_case_set_ua_deadline (stored, cw_case_get_ua_deadline (doc));
  if (cw_case_get_ua_sequence (doc) != 0)
    cw_case_set_ua_sequence (stored, cw_case_get_ua_sequence (doc));
}

static void
merge_case (CwCase         *stored,
            CwCasefileCase *item,
            gboolean        is_public)
{
  CwCase *doc = item->kase;
  CwCasefileParts parts = item->parts;

  cw_case_set_title (stored, cw_case_get_title (doc));
  cw_case_set_country_code (stored, cw_case_get_country_code (doc));
  cw_case_set_country_name (stored, cw_case_get_country_name (doc));
  cw_case_set_summary (stored, cw_case_get_summary (doc));

  if (parts & CW_CASEFILE_HAS_KIND)
    cw_case_set_kind (stored, cw_case_get_kind (doc));
  if (parts & CW_CASEFILE_HAS_TYPE)
    cw_case_set_case_type (stored, cw_case_get_case_type (doc));
  if (parts & CW_CASEFILE_HAS_STATUS)
    cw_case_set_status (stored, cw_case_get_status (doc));
  if (parts & CW_CASEFILE_HAS_MODIFIED)
    cw_case_set_modified (stored, cw_case_get_modified (doc));
  if (parts & CW_CASEFILE_HAS_URGENT_ACTION)
    merge_urgent_action (stored, doc);
  if (parts & CW_CASEFILE_HAS_REGION)
    cw_case_set_region (stored, cw_case_get_region (doc));
  if (parts & CW_CASEFILE_HAS_OPENED)
    cw_case_set_opened (stored, cw_case_get_opened (doc));
  if (parts & CW_CASEFILE_HAS_CLOSED)
    {
      cw_case_set_closed (stored, cw_case_get_closed (doc));
      cw_case_set_closed_outcome (stored, cw_case_get_closed_outcome (doc));
    }
  if (parts & CW_CASEFILE_HAS_BACKGROUND)
    cw_case_set_background (stored, cw_case_get_background (doc));
  if (parts & CW_CASEFILE_HAS_DETENTION)
    merge_detention (stored, doc);
  if (parts & CW_CASEFILE_HAS_PUBLIC_ACTION)
    cw_case_set_public_action (stored, cw_case_get_public_action (doc));
  if (parts & CW_CASEFILE_HAS_SOLIDARITY)
    cw_case_set_solidarity (stored, cw_case_get_solidarity (doc));
  /* A public document never carries safety notes: it cannot take them away. */
  if ((parts & CW_CASEFILE_HAS_SAFETY_NOTES) && !is_public)
    replace_list (cw_case_get_safety_notes (stored), cw_case_get_safety_notes (doc), copy_string);

  if (parts & CW_CASEFILE_HAS_REFERENCES)
    replace_list (cw_case_get_references (stored), cw_case_get_references (doc),
                  copy_reference);
  if (parts & CW_CASEFILE_HAS_THEMES)
    replace_list (cw_case_get_themes (stored), cw_case_get_themes (doc), copy_string);
  if (parts & CW_CASEFILE_HAS_PEOPLE)
    replace_list (cw_case_get_people (stored), cw_case_get_people (doc),
                  copy_person);
  if (parts & CW_CASEFILE_HAS_TARGETS)
    replace_list (cw_case_get_targets (stored), cw_case_get_targets (doc),
                  copy_target);
  if (parts & CW_CASEFILE_HAS_ACTIONS)
    replace_list (cw_case_get_recommended_actions (stored),
                  cw_case_get_recommended_actions (doc), copy_string);
  if (parts & CW_CASEFILE_HAS_MODEL_LETTERS)
    replace_list (cw_case_get_model_letters (stored), cw_case_get_model_letters (doc),
                  copy_model_letter);

  merge_contacts (stored, doc, parts, is_public);
}

static gboolean
entries_equal (CwEntry *a,
               CwEntry *b)
{
  return g_strcmp0 (cw_entry_get_date (a), cw_entry_get_date (b)) == 0 &&
         cw_entry_get_category (a) == cw_entry_get_category (b) &&
         g_strcmp0 (cw_entry_get_kind (a), cw_entry_get_kind (b)) == 0 &&
         cw_entry_get_count (a) == cw_entry_get_count (b) &&
         cw_entry_get_private (a) == cw_entry_get_private (b) &&
         g_strcmp0 (cw_entry_get_title (a), cw_entry_get_title (b)) == 0 &&
         g_strcmp0 (cw_entry_get_notes (a), cw_entry_get_notes (b)) == 0;
}

/* The entry to store for @entry of a document, @stored being the same
 * entry as the store has it: what the document leaves out of it (@parts
 * says what it carried) is kept as stored. A kind is kept only if it is
 * one of the document's category. */
static CwEntry *
merge_entry (CwEntry              *stored,
             CwEntry              *entry,
             CwCasefileEntryParts  parts)
{
  CwEntry *merged = cw_entry_copy (entry);
  const char *kind = cw_entry_get_kind (stored);

  if (!(parts & CW_CASEFILE_ENTRY_HAS_KIND) && kind != NULL &&
      cw_entry_kind_is_valid (cw_entry_get_category (merged), kind))
    cw_entry_set_kind (merged, kind);
  if (!(parts & CW_CASEFILE_ENTRY_HAS_COUNT))
    cw_entry_set_count (merged, cw_entry_get_count (stored));
  if (!(parts & CW_CASEFILE_ENTRY_HAS_PRIVATE))
    cw_entry_set_private (merged, cw_entry_get_private (stored));
  if (!(parts & CW_CASEFILE_ENTRY_HAS_NOTES))
    cw_entry_set_notes (merged, cw_entry_get_notes (stored));
  return merged;
}

/* Entries are written inside the import's transaction, with no savepoint
 * of their own, and their case is touched once at the end: the import is
 * one transaction, and any error rolls all of it back. */
static gboolean
import_entries (CwStore          *store,
                CwCasefileCase   *item,
                gboolean          case_is_new,
                gboolean          is_public,
                const char       *now,
                CwImportSummary  *summary,
                GError          **error)
{
  const char *case_id = cw_case_get_id (item->kase);
  guint written = 0;

  for (guint i = 0; i < item->entries->len; i++)
    {
      CwEntry *entry = g_ptr_array_index (item->entries, i);
      g_autoptr(CwEntry) stored = NULL;
      g_autoptr(CwEntry) merged = NULL;
      gboolean same_case;

      /* A case that was not in the store has no entries there: an entry
       * with the same id can only be another case's, and writing it is
       * refused just as an update of it would be. */
      if (!case_is_new)
        {
          g_autoptr(GError) local_error = NULL;

          stored = cw_store_load_entry (store, cw_entry_get_id (entry), &local_error);
          if (stored == NULL &&
              !g_error_matches (local_error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
        }

      same_case = stored != NULL &&
                  g_strcmp0 (cw_entry_get_case_id (stored), cw_entry_get_case_id (entry)) == 0;

      /* A public document cannot say an entry is private, so it must not
       * touch one that is: an old copy from before the entry was marked
       * private would otherwise make it public again. */
      if (same_case && is_public && cw_entry_get_private (stored))
        {
          summary->entries_unchanged++;
          continue;
        }

      /* What a document leaves out of a known entry is kept: above all
       * its privacy, which a copy from before it was marked private would
       * otherwise take away. */
      if (same_case && item->entry_parts != NULL)
        merged = merge_entry (stored, entry,
                              g_array_index (item->entry_parts, CwCasefileEntryParts, i));

      if (same_case && entries_equal (stored, merged != NULL ? merged : entry))
        {
          summary->entries_unchanged++;
          continue;
        }

      if (!cw_store_write_entry (store, merged != NULL ? merged : entry, case_is_new, now, error))
        return FALSE;
      cw_entry_set_updated (entry, now);
      written++;

      if (stored != NULL)
        summary->entries_updated++;
      else
        summary->entries_added++;
    }

  if (written > 0)
    {
      if (!cw_store_touch_case_at (store, case_id, now, error))
        return FALSE;
      cw_store_queue_change (store, CW_STORE_CHANGE_ENTRIES, case_id);
    }
  return TRUE;
}

/* @kase as a casefile carries it, without its timeline: two cases that
 * read the same are the same. %NULL if it cannot be written. */
static char *
case_as_written (CwCase *kase)
{
  static const CwCasefileWriteOptions options = {
    CW_CASEFILE_SCOPE_FULL, "Casework", "2000-01-01T00:00:00Z", NULL, 0
  };
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(CwCasefileWriter) writer = NULL;

  writer = cw_casefile_writer_new (out, &options, NULL);
  if (writer == NULL || !cw_casefile_writer_add_case (writer, kase, NULL, NULL) ||
      !cw_casefile_writer_finish (writer, NULL))
    return NULL;
  g_output_stream_close (out, NULL, NULL);
  return g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
}

static gboolean
import_case (CwStore          *store,
             CwCasefileCase   *item,
             gboolean          is_public,
             CwImportSummary  *summary,
             GError          **error)
{
  const char *id = cw_case_get_id (item->kase);
  g_autoptr(CwCase) stored = NULL;
  g_autofree char *now = cw_timestamp_now ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean is_new = !cw_store_has_case (store, id);

  if (!is_new)
    {
      stored = cw_store_load_case (store, id, error);
      if (stored == NULL)
        return FALSE;
      before = case_as_written (stored);
      merge_case (stored, item, is_public);
      after = case_as_written (stored);
    }
  else
    stored = g_object_ref (item->kase);

  g_ptr_array_add (summary->case_ids, g_strdup (id));

  /* A case the document leaves as it was is neither written nor touched:
   * importing the same casefile again changes nothing. */
  if (before != NULL && g_strcmp0 (before, after) == 0)
    g_ptr_array_add (summary->cases_unchanged, g_strdup (cw_case_get_title (stored)));
  else
    {
      g_ptr_array_add (is_new ? summary->cases_added : summary->cases_updated,
                       g_strdup (cw_case_get_title (stored)));
      if (!cw_store_write_case (store, stored, is_new, now, error))
        return FALSE;
      cw_case_set_updated (stored, now);
    }

  return import_entries (store, item, is_new, is_public, now, summary, error);
}

/* One case of the document @name, with the error saying which and where. */
static gboolean
import_item (CwStore          *store,
             const char       *name,
             CwCasefileCase   *item,
             gboolean          is_public,
             CwImportSummary  *summary,
             GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  if (import_case (store, item, is_public, summary, &local_error))
    return TRUE;

  g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                              _("%s:%d: the case “%s” could not be stored: "),
                              name, item->line, cw_case_get_title (item->kase));
  return FALSE;
}

static void
add_warnings (CwImportSummary  *summary,
              const CwCasefile *casefile)
{
  /* A document made in memory, not read, has nothing to warn of. */
  if (casefile->warnings == NULL)
    return;
  for (guint i = 0; i < casefile->warnings->len; i++)
    g_ptr_array_add (summary->warnings, g_strdup (g_ptr_array_index (casefile->warnings, i)));
}

static gboolean
import_one (CwStore          *store,
            CwCasefile       *casefile,
            CwImportSummary  *summary,
            guint            *done,
            guint             total,
            CwImportProgress  progress,
            gpointer          progress_data,
            GError          **error)
{
  gboolean is_public = casefile->scope == CW_CASEFILE_SCOPE_PUBLIC;

  add_warnings (summary, casefile);
  for (guint i = 0; i < casefile->cases->len; i++)
    {
      if (!import_item (store, casefile->name, g_ptr_array_index (casefile->cases, i),
                        is_public, summary, error))
        return FALSE;

      *done += 1;
      if (progress != NULL)
        progress (*done, total, progress_data);
    }
  return TRUE;
}

/**
 * cw_store_import_casefiles:
 * @casefiles: (element-type CwCasefile): documents cw_casefile_read() accepted
 * @dry_run: work out what would change, and change nothing
 * @summary: (out caller-allocates): what was, or would be, added and updated
 * @progress: (nullable): told after each case
 *
 * Stores every case of the documents in one transaction: on any error the
 * database is left exactly as it was.
 */
gboolean
cw_store_import_casefiles (CwStore          *store,
                           GPtrArray        *casefiles,
                           gboolean          dry_run,
                           CwImportSummary  *summary,
                           CwImportProgress  progress,
                           gpointer          progress_data,
                           GError          **error)
{
  guint done = 0, total = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (casefiles != NULL, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < casefiles->len; i++)
    total += ((CwCasefile *) g_ptr_array_index (casefiles, i))->cases->len;

  if (!cw_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < casefiles->len && ok; i++)
    ok = import_one (store, g_ptr_array_index (casefiles, i), summary, &done, total,
                     progress, progress_data, error);

  if (!ok || dry_run)
    cw_store_rollback (store);
  else
    ok = cw_store_commit (store, error);

  return ok;
}

/* Reading and storing side by side.
 *
 * A thread of its own reads each file and hands its cases over, one at a
 * time, as soon as each is read and checked; the calling thread stores
 * them meanwhile, in the one transaction, begun when the first case comes.
 * A case stored before the reader finds the document unsound is rolled
 * back with everything else, so the outcome is what reading every file
 * first and storing them after would give: the first unsound document's
 * error, or else the first case that could not be stored (or the
 * transaction that could not begin). */

/* Cases read but not stored yet; the reader waits when there are this
 * many, so that a fast reader never holds a big file's cases. */
#define PIPE_CAPACITY 16

typedef struct {
  GMutex lock;
  GCond changed;
  GQueue cases;              /* CwCasefileCase, read and not yet taken */
  gboolean is_public;        /* the document's scope, known before its first case */
  gboolean discard;          /* storing has failed: cases are no longer wanted */
  gboolean finished;         /* the reader is done, and: */
  CwCasefile *casefile;      /* what it read, or */
  GError *error;             /* why the document was refused */
  GFile *file;
} Pipe;

static void
pipe_take_case_cb (const CwCasefile *casefile,
                   CwCasefileCase   *item,
                   gpointer          user_data)
{
  Pipe *pipe = user_data;

  g_mutex_lock (&pipe->lock);
  while (pipe->cases.length >= PIPE_CAPACITY && !pipe->discard)
    g_cond_wait (&pipe->changed, &pipe->lock);
  if (pipe->discard)
    {
      g_mutex_unlock (&pipe->lock);
      cw_casefile_case_free (item);
      return;
    }
  pipe->is_public = casefile->scope == CW_CASEFILE_SCOPE_PUBLIC;
  g_queue_push_tail (&pipe->cases, item);
  g_cond_broadcast (&pipe->changed);
  g_mutex_unlock (&pipe->lock);
}

static gpointer
pipe_read_thread (gpointer user_data)
{
  Pipe *pipe = user_data;
  GError *error = NULL;
  CwCasefile *casefile;

  casefile = cw_casefile_read_file_each (pipe->file, pipe_take_case_cb, pipe, &error);

  g_mutex_lock (&pipe->lock);
  pipe->casefile = casefile;
  pipe->error = error;
  pipe->finished = TRUE;
  g_cond_broadcast (&pipe->changed);
  g_mutex_unlock (&pipe->lock);
  return NULL;
}

/* The next case read, or %NULL once the reader is done. */
static CwCasefileCase *
pipe_next (Pipe     *pipe,
           gboolean *is_public)
{
  CwCasefileCase *item;

  g_mutex_lock (&pipe->lock);
  while (g_queue_is_empty (&pipe->cases) && !pipe->finished)
    g_cond_wait (&pipe->changed, &pipe->lock);
  /* The document was refused: what is left of it is not stored. */
  if (pipe->finished && pipe->error != NULL)
    g_queue_clear_full (&pipe->cases, (GDestroyNotify) cw_casefile_case_free);
  item = g_queue_pop_head (&pipe->cases);
  *is_public = pipe->is_public;
  g_cond_broadcast (&pipe->changed);
  g_mutex_unlock (&pipe->lock);
  return item;
}

/* Storing has failed: the reader goes on only to find whether the
 * document itself is sound, and whatever it has read is let go. */
static void
pipe_discard (Pipe *pipe)
{
  g_mutex_lock (&pipe->lock);
  pipe->discard = TRUE;
  g_queue_clear_full (&pipe->cases, (GDestroyNotify) cw_casefile_case_free);
  g_cond_broadcast (&pipe->changed);
  g_mutex_unlock (&pipe->lock);
}

/* Reads @file while storing its cases, in the transaction begun for the
 * first case of all (@began). Returns the document read, holding its cases
 * if @keep, or %NULL with the reader's error; a case that could not be
 * stored, or a transaction that could not begin, sets @store_error, once,
 * and storing stops there. */
static CwCasefile *
import_file (CwStore          *store,
             GFile            *file,
             gboolean          keep,
             CwImportSummary  *summary,
             guint            *done,
             CwImportProgress  progress,
             gpointer          progress_data,
             gboolean         *began,
             GError          **store_error,
             GError          **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_casefile_case_free);
  Pipe pipe = { 0 };
  CwCasefileCase *item;
  gboolean is_public = FALSE;
  GThread *reader;
  CwCasefile *casefile;

  g_mutex_init (&pipe.lock);
  g_cond_init (&pipe.changed);
  g_queue_init (&pipe.cases);
  pipe.file = file;
  /* An earlier file could not be stored: this one is only read. */
  pipe.discard = *store_error != NULL;

  reader = g_thread_new ("casefile-reader", pipe_read_thread, &pipe);
  while ((item = pipe_next (&pipe, &is_public)) != NULL)
    {
      /* Not before there is something to store: a document refused
       * before its first case never held the database's write lock. */
      if (*store_error == NULL && !*began)
        *began = cw_store_begin (store, store_error);
      if (*store_error == NULL)
        import_item (store, name, item, is_public, summary, store_error);

      if (*store_error != NULL)
        {
          pipe_discard (&pipe);
          cw_casefile_case_free (item);
          continue;
        }

      *done += 1;
      if (progress != NULL)
        progress (*done, 0, progress_data);
      if (keep)
        g_ptr_array_add (kept, item);
      else
        cw_casefile_case_free (item);
    }
  g_thread_join (reader);

  g_assert (g_queue_is_empty (&pipe.cases));
  g_mutex_clear (&pipe.lock);
  g_cond_clear (&pipe.changed);

  casefile = pipe.casefile;
  if (casefile == NULL)
    {
      g_propagate_error (error, pipe.error);
      return NULL;
    }

  g_ptr_array_unref (casefile->cases);
  casefile->cases = g_steal_pointer (&kept);
  add_warnings (summary, casefile);
  return casefile;
}

/**
 * cw_store_import_files:
 * @files: (element-type GFile): casefile documents to read and store
 * @dry_run: work out what would change, and change nothing
 * @summary: (out caller-allocates): what was, or would be, added and updated
 * @casefiles: (nullable) (element-type CwCasefile): if given, the documents
 *   read are added to it, for a later cw_store_import_casefiles()
 * @progress: (nullable): told after each case stored, with a total of 0:
 *   how many cases there are is not known until the files are read
 *
 * Reads the files and stores their cases in one transaction, reading in a
 * thread of its own while storing in the calling one. What it does to the
 * database, and the error it gives, are as if every file were read with
 * cw_casefile_read_file() first and then stored with
 * cw_store_import_casefiles(): on any error the database is left exactly
 * as it was.
 */
gboolean
cw_store_import_files (CwStore          *store,
                       GPtrArray        *files,
                       gboolean          dry_run,
                       CwImportSummary  *summary,
                       GPtrArray        *casefiles,
                       CwImportProgress  progress,
                       gpointer          progress_data,
                       GError          **error)
{
  g_autoptr(GPtrArray) read = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_casefile_free);
  g_autoptr(GError) store_error = NULL;
  GError *read_error = NULL;
  gboolean began = FALSE;
  guint done = 0;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (files != NULL, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < files->len && read_error == NULL; i++)
    {
      CwCasefile *casefile = import_file (store, g_ptr_array_index (files, i),
                                          casefiles != NULL, summary, &done,
                                          progress, progress_data, &began,
                                          &store_error, &read_error);

      if (casefile != NULL)
        g_ptr_array_add (read, casefile);
    }

  if (began && (read_error != NULL || store_error != NULL || dry_run))
    cw_store_rollback (store);

  if (read_error != NULL)
    {
      g_propagate_error (error, read_error);
      return FALSE;
    }
  if (store_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&store_error));
      return FALSE;
    }
  if (began && !dry_run && !cw_store_commit (store, error))
    return FALSE;

  if (casefiles != NULL)
    g_ptr_array_extend_and_steal (casefiles, g_steal_pointer (&read));
  return TRUE;
}
