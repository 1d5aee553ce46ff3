/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-store"

#include <glib/gi18n-lib.h>

#include "cw-date.h"
#include "cw-store-private.h"

/* Reading and writing cases with all their parts. */

#define CASE_COLUMNS \
  "c.id, c.kind, c.type, c.status, c.title, c.country_code, c.country_name, c.region," \
  " c.opened, c.closed, c.closed_outcome, c.ua_number, c.ua_issued, c.ua_deadline," \
  " c.ua_sequence, c.public_action, c.solidarity, c.modified, c.updated," \
  " (SELECT max (e.date) FROM entries e WHERE e.case_id = c.id)," \
  " (SELECT e.date FROM entries e WHERE e.case_id = c.id AND e.category = 'activity'" \
  "  ORDER BY e.date DESC LIMIT 1)," \
  " (SELECT min (e.date) FROM entries e WHERE e.case_id = c.id AND e.kind = 'follow-up'" \
  "  AND e.date >= substr (date ('now', 'localtime', '-14 days'), 1, length (e.date)))," \
  " c.num"

/* The last three columns are what the case list shows of the timeline.
 * Each is found without reading the whole timeline: the newest entry from
 * the index on (case_id, date); the newest activity by walking that index
 * back from the newest entry, stopping at the first activity; follow-ups
 * from their own small index (schema version 3). */

static CwCase *
case_from_row (sqlite3_stmt *stmt)
{
  CwCase *kase = cw_case_new ();
  int value;

  cw_case_set_id (kase, (const char *) sqlite3_column_text (stmt, 0));
  if (cw_enum_from_nick (CW_TYPE_CASE_KIND, (const char *) sqlite3_column_text (stmt, 1), &value))
    cw_case_set_kind (kase, value);
  if (cw_enum_from_nick (CW_TYPE_CASE_TYPE, (const char *) sqlite3_column_text (stmt, 2), &value))
    cw_case_set_case_type (kase, value);
  if (cw_enum_from_nick (CW_TYPE_CASE_STATUS, (const char *) sqlite3_column_text (stmt, 3), &value))
    cw_case_set_status (kase, value);
  cw_case_set_title (kase, (const char *) sqlite3_column_text (stmt, 4));
  cw_case_set_country_code (kase, (const char *) sqlite3_column_text (stmt, 5));
  cw_case_set_country_name (kase, (const char *) sqlite3_column_text (stmt, 6));
  cw_case_set_region (kase, (const char *) sqlite3_column_text (stmt, 7));
  cw_case_set_opened (kase, (const char *) sqlite3_column_text (stmt, 8));
  cw_case_set_closed (kase, (const char *) sqlite3_column_text (stmt, 9));
  cw_case_set_closed_outcome (kase, (const char *) sqlite3_column_text (stmt, 10));
  cw_case_set_ua_number (kase, (const char *) sqlite3_column_text (stmt, 11));
  cw_case_set_ua_issued (kase, (const char *) sqlite3_column_text (stmt, 12));
  cw_case_set_ua_deadline (kase, (const char *) sqlite3_column_text (stmt, 13));
  cw_case_set_ua_sequence (kase, (guint) sqlite3_column_int (stmt, 14));
  cw_case_set_public_action (kase, (const char *) sqlite3_column_text (stmt, 15));
  cw_case_set_solidarity (kase, (const char *) sqlite3_column_text (stmt, 16));
  cw_case_set_modified (kase, (const char *) sqlite3_column_text (stmt, 17));
  cw_case_set_updated (kase, (const char *) sqlite3_column_text (stmt, 18));
  cw_case_set_last_activity (kase, (const char *) sqlite3_column_text (stmt, 19));
  cw_case_set_last_action (kase, (const char *) sqlite3_column_text (stmt, 20));
  cw_case_set_next_follow_up (kase, (const char *) sqlite3_column_text (stmt, 21));
  cw_case_set_row (kase, sqlite3_column_int64 (stmt, 22));

  return kase;
}

GPtrArray *
cw_store_list_cases (CwStore  *self,
                     GError  **error)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);

  stmt = cw_store_prepare (self, "SELECT " CASE_COLUMNS " FROM cases c ORDER BY c.num", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (cases, case_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      cw_store_set_sqlite_error (self, error, rc, _("Could not read the cases"));
      return NULL;
    }

  return g_steal_pointer (&cases);
}

/**
 * cw_store_load_case_summary:
 *
 * Loads what the case list shows of a case, without its parts.
 */
CwCase *
cw_store_load_case_summary (CwStore     *self,
                            const char  *id,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  CwCase *kase;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = cw_store_prepare (self, "SELECT " CASE_COLUMNS " FROM cases c WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;
  cw_sql_bind_text (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND,
                     _("There is no case with the id “%s”"), id);
      else
        cw_store_set_sqlite_error (self, error, rc, _("Could not read the case"));
      sqlite3_reset (stmt);
      return NULL;
    }

  kase = case_from_row (stmt);
  sqlite3_reset (stmt);
  return kase;
}

/* Runs a query bound to one case id and hands each row to @row_cb. */
static gboolean
for_each_row (CwStore     *self,
              const char  *sql,
              const char  *case_id,
              void       (*row_cb) (sqlite3_stmt *stmt, gpointer data),
              gpointer     data,
              GError     **error)
{
  sqlite3_stmt *stmt = cw_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  cw_sql_bind_text (stmt, 1, case_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    row_cb (stmt, data);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      cw_store_set_sqlite_error (self, error, rc, _("Could not read the case"));
      return FALSE;
    }
  return TRUE;
}

static void
add_text_cb (sqlite3_stmt *stmt,
             gpointer      data)
{
  g_ptr_array_add (data, cw_sql_column_dup (stmt, 0));
}

static void
add_reference_cb (sqlite3_stmt *stmt,
                  gpointer      data)
{
  g_ptr_array_add (data, cw_reference_new ((const char *) sqlite3_column_text (stmt, 0),
                                           (const char *) sqlite3_column_text (stmt, 1)));
}

static void
add_person_cb (sqlite3_stmt *stmt,
               gpointer      data)
{
  CwPerson *person = cw_person_new ();

  person->role = cw_sql_column_dup (stmt, 0);
  person->name = cw_sql_column_dup (stmt, 1);
  person->other_names = cw_sql_column_dup (stmt, 2);
  person->pronouns = cw_sql_column_dup (stmt, 3);
  person->gender = cw_sql_column_dup (stmt, 4);
  person->born = cw_sql_column_dup (stmt, 5);
  person->occupation = cw_sql_column_dup (stmt, 6);
  person->notes = cw_sql_column_dup (stmt, 7);
  g_ptr_array_add (data, person);
}

static void
set_detention_cb (sqlite3_stmt *stmt,
                  gpointer      data)
{
  CwDetention *detention = cw_detention_new ();

  detention->place = cw_sql_column_dup (stmt, 0);
  detention->arrested = cw_sql_column_dup (stmt, 1);
  detention->charges = cw_sql_column_dup (stmt, 2);
  detention->sentence = cw_sql_column_dup (stmt, 3);
  detention->health = cw_sql_column_dup (stmt, 4);
  detention->legal_access = cw_sql_column_dup (stmt, 5);
  detention->legal_access_note = cw_sql_column_dup (stmt, 6);
  detention->family_access = cw_sql_column_dup (stmt, 7);
  detention->family_access_note = cw_sql_column_dup (stmt, 8);
  cw_case_set_detention (data, detention);
}

static void
add_model_letter_cb (sqlite3_stmt *stmt,
                     gpointer      data)
{
  g_ptr_array_add (data, cw_model_letter_new ((const char *) sqlite3_column_text (stmt, 0),
                                              (const char *) sqlite3_column_text (stmt, 1)));
}

/* Address lines come one row per line, ordered by owner, so lines are
 * collected until the owner changes. */
static GStrv
take_address (GStrvBuilder *builder)
{
  GStrv lines = g_strv_builder_end (builder);

  if (lines[0] == NULL)
    g_clear_pointer (&lines, g_strfreev);
  return lines;
}

static GStrv
load_address_lines (CwStore     *self,
                    const char  *sql,
                    gint64       owner,
                    GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = cw_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, owner);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      cw_store_set_sqlite_error (self, error, rc, _("Could not read the case"));
      return NULL;
    }
  return take_address (builder);
}

/* Fills each slot (a GStrv * inside a contact or a target) with the
 * address lines of the row numbered alongside it. */
static gboolean
load_addresses (CwStore     *self,
                const char  *sql,
                GArray      *nums,
                GPtrArray   *slots,
                GError     **error)
{
  for (guint i = 0; i < slots->len; i++)
    {
      GStrv *slot = g_ptr_array_index (slots, i);
      g_autoptr(GError) local_error = NULL;

      /* No lines is a NULL address, so only the error tells a failure. */
      *slot = load_address_lines (self, sql, g_array_index (nums, gint64, i), &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
load_contacts (CwStore  *self,
               CwCase   *kase,
               GError  **error)
{
  g_autoptr(GPtrArray) slots = g_ptr_array_new ();
  g_autoptr(GArray) nums = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = cw_store_prepare (self,
                           "SELECT num, part, name, role, organisation, email, phone, notes,"
                           " from_date, to_date FROM contacts WHERE case_id = ?"
                           " ORDER BY part, position", error);
  if (stmt == NULL)
    return FALSE;
  cw_sql_bind_text (stmt, 1, cw_case_get_id (kase));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CwContact *contact = cw_contact_new ((const char *) sqlite3_column_text (stmt, 2));
      gint64 num = sqlite3_column_int64 (stmt, 0);

      contact->role = cw_sql_column_dup (stmt, 3);
      contact->organisation = cw_sql_column_dup (stmt, 4);
      contact->email = cw_sql_column_dup (stmt, 5);
      contact->phone = cw_sql_column_dup (stmt, 6);
      contact->notes = cw_sql_column_dup (stmt, 7);
      contact->from = cw_sql_column_dup (stmt, 8);
      contact->to = cw_sql_column_dup (stmt, 9);

      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "coordinator") == 0)
        cw_case_set_coordinator (kase, contact);
      else
        g_ptr_array_add (cw_case_get_holders (kase), contact);

      g_ptr_array_add (slots, &contact->address);
      g_array_append_val (nums, num);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      cw_store_set_sqlite_error (self, error, rc, _("Could not read the case"));
      return FALSE;
    }

  return load_addresses (self,
                         "SELECT line FROM contact_address_lines WHERE contact = ? ORDER BY position",
                         nums, slots, error);
}

static gboolean
load_targets (CwStore  *self,
              CwCase   *kase,
              GError  **error)
{
  g_autoptr(GArray) nums = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) slots = g_ptr_array_new ();
  GPtrArray *targets = cw_case_get_targets (kase);
  sqlite3_stmt *stmt;
  int rc;

  stmt = cw_store_prepare (self,
                           "SELECT num, role, language, title, name, organisation, email,"
                           " salutation FROM targets WHERE case_id = ? ORDER BY position",
                           error);
  if (stmt == NULL)
    return FALSE;
  cw_sql_bind_text (stmt, 1, cw_case_get_id (kase));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CwTarget *target = cw_target_new ();
      gint64 num = sqlite3_column_int64 (stmt, 0);

      target->role = cw_sql_column_dup (stmt, 1);
      target->language = cw_sql_column_dup (stmt, 2);
      target->title = cw_sql_column_dup (stmt, 3);
      target->name = cw_sql_column_dup (stmt, 4);
      target->organisation = cw_sql_column_dup (stmt, 5);
      target->email = cw_sql_column_dup (stmt, 6);
      target->salutation = cw_sql_column_dup (stmt, 7);
      g_ptr_array_add (targets, target);
      g_ptr_array_add (slots, &target->address);
      g_array_append_val (nums, num);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      cw_store_set_sqlite_error (self, error, rc, _("Could not read the case"));
      return FALSE;
    }

  return load_addresses (self,
                         "SELECT line FROM target_address_lines WHERE target = ? ORDER BY position",
                         nums, slots, error);
}

static gboolean
load_texts (CwStore  *self,
            CwCase   *kase,
            GError  **error)
{
  const char *id = cw_case_get_id (kase);
  sqlite3_stmt *stmt;
  int rc;

  stmt = cw_store_prepare (self, "SELECT summary, background FROM cases WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  cw_sql_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      cw_case_set_summary (kase, (const char *) sqlite3_column_text (stmt, 0));
      cw_case_set_background (kase, (const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      cw_store_set_sqlite_error (self, error, rc, _("Could not read the case"));
      return FALSE;
    }
  return TRUE;
}

/**
 * cw_store_load_case:
 *
 * Loads a case with all its parts; the timeline is loaded separately
 * with cw_store_list_entries().
 */
CwCase *
cw_store_load_case (CwStore     *self,
                    const char  *id,
                    GError     **error)
{
  g_autoptr(CwCase) kase = NULL;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  kase = cw_store_load_case_summary (self, id, error);
  if (kase == NULL)
    return NULL;

  if (!load_texts (self, kase, error) ||
      !for_each_row (self, "SELECT scheme, value FROM case_references WHERE case_id = ?"
                     " ORDER BY position", id, add_reference_cb,
                     cw_case_get_references (kase), error) ||
      !for_each_row (self, "SELECT theme FROM case_themes WHERE case_id = ? ORDER BY position",
                     id, add_text_cb, cw_case_get_themes (kase), error) ||
      !for_each_row (self, "SELECT role, name, other_names, pronouns, gender, born, occupation,"
                     " notes FROM people WHERE case_id = ? ORDER BY position", id,
                     add_person_cb, cw_case_get_people (kase), error) ||
      !for_each_row (self, "SELECT place, arrested, charges, sentence, health, legal_access,"
                     " legal_access_note, family_access, family_access_note FROM detention"
                     " WHERE case_id = ?", id, set_detention_cb, kase, error) ||
      !for_each_row (self, "SELECT note FROM safety_notes WHERE case_id = ? ORDER BY position",
                     id, add_text_cb, cw_case_get_safety_notes (kase), error) ||
      !load_contacts (self, kase, error) ||
      !load_targets (self, kase, error) ||
      !for_each_row (self, "SELECT action FROM recommended_actions WHERE case_id = ?"
                     " ORDER BY position", id, add_text_cb,
                     cw_case_get_recommended_actions (kase), error) ||
      !for_each_row (self, "SELECT language, body FROM model_letters WHERE case_id = ?"
                     " ORDER BY position", id, add_model_letter_cb,
                     cw_case_get_model_letters (kase), error))
    return NULL;

  cw_case_set_has_details (kase, TRUE);
  return g_steal_pointer (&kase);
}

gboolean
cw_store_has_case (CwStore    *self,
                   const char *id)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);

  stmt = cw_store_prepare (self, "SELECT 1 FROM cases WHERE id = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  cw_sql_bind_text (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

guint
cw_store_count_cases (CwStore *self)
{
  int count = 0;

  g_return_val_if_fail (CW_IS_STORE (self), 0);

  if (!cw_store_query_int (self, "SELECT count(*) FROM cases", &count, NULL))
    return 0;
  return (guint) count;
}

/* Validation: the store refuses what the casefile format could not carry,
 * with a message that says which field and why. */

static gboolean
check_date (const char  *value,
            const char  *field,
            GError     **error)
{
  g_autoptr(GError) date_error = NULL;
  CwDate date;

  if (value == NULL || cw_date_parse (value, &date, &date_error))
    return TRUE;

  g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
               "%s: %s", field, date_error->message);
  return FALSE;
}

static gboolean
check_word (const char  *value,
            gboolean   (*is_valid) (const char *),
            const char  *field,
            GError     **error)
{
  if (value == NULL || is_valid (value))
    return TRUE;

  g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
               _("%s: “%s” is not one of the allowed values"), field, value);
  return FALSE;
}

static gboolean
country_code_is_valid (const char *code)
{
  return code[0] == '\0' ||
         (g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) && code[2] == '\0');
}

static gboolean
check_parts (CwCase  *kase,
             GError **error)
{
  GPtrArray *list;
  CwDetention *detention = cw_case_get_detention (kase);

  list = cw_case_get_references (kase);
  for (guint i = 0; i < list->len; i++)
    if (!check_word (((CwReference *) list->pdata[i])->scheme, cw_reference_scheme_is_valid,
                     _("Reference scheme"), error))
      return FALSE;

  list = cw_case_get_people (kase);
  for (guint i = 0; i < list->len; i++)
    {
      CwPerson *person = list->pdata[i];

      if (!check_word (person->role, cw_person_role_is_valid, _("Person’s role"), error) ||
          !check_date (person->born, _("Date of birth"), error))
        return FALSE;
    }

  if (detention != NULL &&
      (!check_date (detention->arrested, _("Date of arrest"), error) ||
       !check_word (detention->legal_access, cw_access_is_valid, _("Access to a lawyer"), error) ||
       !check_word (detention->family_access, cw_access_is_valid, _("Access to family"), error)))
    return FALSE;

  list = cw_case_get_holders (kase);
  for (guint i = 0; i < list->len; i++)
    {
      CwContact *holder = list->pdata[i];

      if (!check_date (holder->from, _("Holder from"), error) ||
          !check_date (holder->to, _("Holder until"), error))
        return FALSE;
    }

  list = cw_case_get_targets (kase);
  for (guint i = 0; i < list->len; i++)
    if (!check_word (((CwTarget *) list->pdata[i])->role, cw_target_role_is_valid,
                     _("Target’s role"), error))
      return FALSE;

  return TRUE;
}

static gboolean
check_case (CwCase  *kase,
            GError **error)
{
  const char *title = cw_case_get_title (kase);
  const char *code = cw_case_get_country_code (kase);

  if (title == NULL || *title == '\0')
    {
      g_set_error_literal (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                           _("A case needs a title"));
      return FALSE;
    }

  if (code != NULL && !country_code_is_valid (code))
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("Country code: “%s” is not two capital letters such as “CO”"), code);
      return FALSE;
    }

  return check_word (cw_case_get_region (kase), cw_region_is_valid, _("Region"), error) &&
         check_word (cw_case_get_closed_outcome (kase), cw_closed_outcome_is_valid,
                     _("Closing outcome"), error) &&
         check_word (cw_case_get_public_action (kase), cw_public_action_is_valid,
                     _("Public action"), error) &&
         check_word (cw_case_get_solidarity (kase), cw_solidarity_is_valid,
                     _("Solidarity"), error) &&
         check_date (cw_case_get_opened (kase), _("Date opened"), error) &&
         check_date (cw_case_get_closed (kase), _("Date closed"), error) &&
         check_date (cw_case_get_ua_issued (kase), _("Urgent action issued"), error) &&
         check_date (cw_case_get_ua_deadline (kase), _("Urgent action deadline"), error) &&
         check_parts (kase, error);
}

static gboolean
write_case_row (CwStore     *self,
                CwCase      *kase,
                const char  *now,
                GError     **error)
{
  sqlite3_stmt *stmt;
  guint sequence = cw_case_get_ua_sequence (kase);

  stmt = cw_store_prepare (self,
    "INSERT INTO cases (id, kind, type, status, title, country_code, country_name, region,"
    " opened, closed, closed_outcome, ua_number, ua_issued, ua_deadline, ua_sequence, summary,"
    " background, public_action, solidarity, modified, created, updated)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
    " ?19, ?20, ?21, ?21)"
    " ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, type = excluded.type,"
    " status = excluded.status, title = excluded.title, country_code = excluded.country_code,"
    " country_name = excluded.country_name, region = excluded.region, opened = excluded.opened,"
    " closed = excluded.closed, closed_outcome = excluded.closed_outcome,"
    " ua_number = excluded.ua_number, ua_issued = excluded.ua_issued,"
    " ua_deadline = excluded.ua_deadline, ua_sequence = excluded.ua_sequence,"
    " summary = excluded.summary, background = excluded.background,"
    " public_action = excluded.public_action, solidarity = excluded.solidarity,"
    " modified = excluded.modified, updated = excluded.updated", error);
  if (stmt == NULL)
    return FALSE;

  cw_sql_bind_text (stmt, 1, cw_case_get_id (kase));
  cw_sql_bind_text (stmt, 2, cw_enum_to_nick (CW_TYPE_CASE_KIND, cw_case_get_kind (kase)));
  cw_sql_bind_text (stmt, 3, cw_enum_to_nick (CW_TYPE_CASE_TYPE, cw_case_get_case_type (kase)));
  cw_sql_bind_text (stmt, 4, cw_enum_to_nick (CW_TYPE_CASE_STATUS, cw_case_get_status (kase)));
  cw_sql_bind_text (stmt, 5, cw_case_get_title (kase));
  cw_sql_bind_text (stmt, 6, cw_case_get_country_code (kase) ? cw_case_get_country_code (kase) : "");
  cw_sql_bind_text (stmt, 7, cw_case_get_country_name (kase) ? cw_case_get_country_name (kase) : "");
  cw_sql_bind_text (stmt, 8, cw_case_get_region (kase));
  cw_sql_bind_text (stmt, 9, cw_case_get_opened (kase));
  cw_sql_bind_text (stmt, 10, cw_case_get_closed (kase));
  cw_sql_bind_text (stmt, 11, cw_case_get_closed_outcome (kase));
  cw_sql_bind_text (stmt, 12, cw_case_get_ua_number (kase));
  cw_sql_bind_text (stmt, 13, cw_case_get_ua_issued (kase));
  cw_sql_bind_text (stmt, 14, cw_case_get_ua_deadline (kase));
  if (sequence > 0)
    sqlite3_bind_int64 (stmt, 15, sequence);
  cw_sql_bind_text (stmt, 16, cw_case_get_summary (kase) ? cw_case_get_summary (kase) : "");
  cw_sql_bind_text (stmt, 17, cw_case_get_background (kase));
  cw_sql_bind_text (stmt, 18, cw_case_get_public_action (kase));
  cw_sql_bind_text (stmt, 19, cw_case_get_solidarity (kase));
  cw_sql_bind_text (stmt, 20, cw_case_get_modified (kase));
  cw_sql_bind_text (stmt, 21, now);

  return cw_store_step_done (self, stmt, error);
}

static gboolean
delete_parts (CwStore     *self,
              const char  *id,
              GError     **error)
{
  static const char * const deletes[] = {
    "DELETE FROM case_references WHERE case_id = ?",
    "DELETE FROM case_themes WHERE case_id = ?",
    "DELETE FROM people WHERE case_id = ?",
    "DELETE FROM detention WHERE case_id = ?",
    "DELETE FROM safety_notes WHERE case_id = ?",
    "DELETE FROM contacts WHERE case_id = ?",
    "DELETE FROM targets WHERE case_id = ?",
    "DELETE FROM recommended_actions WHERE case_id = ?",
    "DELETE FROM model_letters WHERE case_id = ?",
  };

  for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
    {
      sqlite3_stmt *stmt = cw_store_prepare (self, deletes[i], error);

      if (stmt == NULL)
        return FALSE;
      cw_sql_bind_text (stmt, 1, id);
      if (!cw_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Writes a list of strings as (case_id, position, text) rows. */
static gboolean
write_texts (CwStore     *self,
             const char  *sql,
             const char  *id,
             GPtrArray   *texts,
             GError     **error)
{
  for (guint i = 0; i < texts->len; i++)
    {
      sqlite3_stmt *stmt = cw_store_prepare (self, sql, error);

      if (stmt == NULL)
        return FALSE;
      cw_sql_bind_text (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) i);
      cw_sql_bind_text (stmt, 3, g_ptr_array_index (texts, i));
      if (!cw_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_address (CwStore      *self,
               const char   *sql,
               gint64        owner,
               GStrv         lines,
               GError      **error)
{
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      sqlite3_stmt *stmt = cw_store_prepare (self, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, owner);
      sqlite3_bind_int (stmt, 2, (int) i);
      cw_sql_bind_text (stmt, 3, lines[i]);
      if (!cw_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_contact (CwStore     *self,
               const char  *id,
               const char  *part,
               guint        position,
               CwContact   *contact,
               GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = cw_store_prepare (self,
                           "INSERT INTO contacts (case_id, part, position, name, role,"
                           " organisation, email, phone, notes, from_date, to_date)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  cw_sql_bind_text (stmt, 1, id);
  cw_sql_bind_text (stmt, 2, part);
  sqlite3_bind_int (stmt, 3, (int) position);
  cw_sql_bind_text (stmt, 4, contact->name != NULL ? contact->name : "");
  cw_sql_bind_text (stmt, 5, contact->role);
  cw_sql_bind_text (stmt, 6, contact->organisation);
  cw_sql_bind_text (stmt, 7, contact->email);
  cw_sql_bind_text (stmt, 8, contact->phone);
  cw_sql_bind_text (stmt, 9, contact->notes);
  cw_sql_bind_text (stmt, 10, contact->from);
  cw_sql_bind_text (stmt, 11, contact->to);
  if (!cw_store_step_done (self, stmt, error))
    return FALSE;

  return write_address (self,
                        "INSERT INTO contact_address_lines (contact, position, line)"
                        " VALUES (?, ?, ?)",
                        sqlite3_last_insert_rowid (self->db), contact->address, error);
}

static gboolean
write_target (CwStore     *self,
              const char  *id,
              guint        position,
              CwTarget    *target,
              GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = cw_store_prepare (self,
                           "INSERT INTO targets (case_id, position, role, language, title, name,"
                           " organisation, email, salutation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  cw_sql_bind_text (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, (int) position);
  cw_sql_bind_text (stmt, 3, target->role);
  cw_sql_bind_text (stmt, 4, target->language);
  cw_sql_bind_text (stmt, 5, target->title);
  cw_sql_bind_text (stmt, 6, target->name);
  cw_sql_bind_text (stmt, 7, target->organisation);
  cw_sql_bind_text (stmt, 8, target->email);
  cw_sql_bind_text (stmt, 9, target->salutation);
  if (!cw_store_step_done (self, stmt, error))
    return FALSE;

  return write_address (self,
                        "INSERT INTO target_address_lines (target, position, line)"
                        " VALUES (?, ?, ?)",
                        sqlite3_last_insert_rowid (self->db), target->address, error);
}

static gboolean
write_people (CwStore     *self,
              const char  *id,
              GPtrArray   *people,
              GError     **error)
{
  for (guint i = 0; i < people->len; i++)
    {
      CwPerson *person = g_ptr_array_index (people, i);
      sqlite3_stmt *stmt;

      stmt = cw_store_prepare (self,
                               "INSERT INTO people (case_id, position, role, name, other_names,"
                               " pronouns, gender, born, occupation, notes)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      cw_sql_bind_text (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) i);
      cw_sql_bind_text (stmt, 3, person->role);
      cw_sql_bind_text (stmt, 4, person->name != NULL ? person->name : "");
      cw_sql_bind_text (stmt, 5, person->other_names);
      cw_sql_bind_text (stmt, 6, person->pronouns);
      cw_sql_bind_text (stmt, 7, person->gender);
      cw_sql_bind_text (stmt, 8, person->born);
      cw_sql_bind_text (stmt, 9, person->occupation);
      cw_sql_bind_text (stmt, 10, person->notes);
      if (!cw_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_detention (CwStore      *self,
                 const char   *id,
                 CwDetention  *detention,
                 GError      **error)
{
  sqlite3_stmt *stmt;

  if (detention == NULL)
    return TRUE;

  stmt = cw_store_prepare (self,
                           "INSERT INTO detention (case_id, place, arrested, charges, sentence,"
                           " health, legal_access, legal_access_note, family_access,"
                           " family_access_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  cw_sql_bind_text (stmt, 1, id);
  cw_sql_bind_text (stmt, 2, detention->place);
  cw_sql_bind_text (stmt, 3, detention->arrested);
  cw_sql_bind_text (stmt, 4, detention->charges);
  cw_sql_bind_text (stmt, 5, detention->sentence);
  cw_sql_bind_text (stmt, 6, detention->health);
  cw_sql_bind_text (stmt, 7, detention->legal_access);
  cw_sql_bind_text (stmt, 8, detention->legal_access_note);
  cw_sql_bind_text (stmt, 9, detention->family_access);
  cw_sql_bind_text (stmt, 10, detention->family_access_note);
  return cw_store_step_done (self, stmt, error);
}

static gboolean
write_references (CwStore     *self,
                  const char  *id,
                  GPtrArray   *references,
                  GError     **error)
{
  for (guint i = 0; i < references->len; i++)
    {
      CwReference *ref = g_ptr_array_index (references, i);
      sqlite3_stmt *stmt;

      stmt = cw_store_prepare (self,
                               "INSERT INTO case_references (case_id, position, scheme, value)"
                               " VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      cw_sql_bind_text (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) i);
      cw_sql_bind_text (stmt, 3, ref->scheme);
      cw_sql_bind_text (stmt, 4, ref->value != NULL ? ref->value : "");
      if (!cw_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_model_letters (CwStore     *self,
                     const char  *id,
                     GPtrArray   *letters,
                     GError     **error)
{
  for (guint i = 0; i < letters->len; i++)
    {
      CwModelLetter *letter = g_ptr_array_index (letters, i);
      sqlite3_stmt *stmt;

      stmt = cw_store_prepare (self,
                               "INSERT INTO model_letters (case_id, position, language, body)"
                               " VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      cw_sql_bind_text (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) i);
      cw_sql_bind_text (stmt, 3, letter->language);
      cw_sql_bind_text (stmt, 4, letter->body != NULL ? letter->body : "");
      if (!cw_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_parts (CwStore  *self,
             CwCase   *kase,
             gboolean  is_new,
             GError  **error)
{
  const char *id = cw_case_get_id (kase);
  GPtrArray *holders = cw_case_get_holders (kase);
  GPtrArray *targets = cw_case_get_targets (kase);

  /* A case not in the store has no parts to delete. */
  if ((!is_new && !delete_parts (self, id, error)) ||
      !write_references (self, id, cw_case_get_references (kase), error) ||
      !write_texts (self, "INSERT INTO case_themes (case_id, position, theme) VALUES (?, ?, ?)",
                    id, cw_case_get_themes (kase), error) ||
      !write_people (self, id, cw_case_get_people (kase), error) ||
      !write_detention (self, id, cw_case_get_detention (kase), error) ||
      !write_texts (self, "INSERT INTO safety_notes (case_id, position, note) VALUES (?, ?, ?)",
                    id, cw_case_get_safety_notes (kase), error) ||
      (cw_case_get_coordinator (kase) != NULL &&
       !write_contact (self, id, "coordinator", 0, cw_case_get_coordinator (kase), error)) ||
      !write_texts (self, "INSERT INTO recommended_actions (case_id, position, action)"
                    " VALUES (?, ?, ?)", id, cw_case_get_recommended_actions (kase), error) ||
      !write_model_letters (self, id, cw_case_get_model_letters (kase), error))
    return FALSE;

  for (guint i = 0; i < holders->len; i++)
    if (!write_contact (self, id, "holder", i, g_ptr_array_index (holders, i), error))
      return FALSE;

  for (guint i = 0; i < targets->len; i++)
    if (!write_target (self, id, i, g_ptr_array_index (targets, i), error))
      return FALSE;

  return TRUE;
}

static void
append_line (GString    *text,
             const char *line)
{
  if (line == NULL || *line == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, line);
}

/* Keeps the search index in step with the case: title, the people's names,
 * the references, the country and the summary. */
gboolean
cw_store_reindex_case (CwStore  *self,
                       CwCase   *kase,
                       GError  **error)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) refs = g_string_new (NULL);
  g_autoptr(GString) country = g_string_new (NULL);
  GPtrArray *people = cw_case_get_people (kase);
  GPtrArray *references = cw_case_get_references (kase);
  sqlite3_stmt *stmt;

  for (guint i = 0; i < people->len; i++)
    {
      CwPerson *person = g_ptr_array_index (people, i);

      append_line (names, person->name);
      append_line (names, person->other_names);
    }
  for (guint i = 0; i < references->len; i++)
    append_line (refs, ((CwReference *) g_ptr_array_index (references, i))->value);
  append_line (refs, cw_case_get_ua_number (kase));
  append_line (country, cw_case_get_country_code (kase));
  append_line (country, cw_case_get_country_name (kase));

  stmt = cw_store_prepare (self,
                           "DELETE FROM case_search WHERE rowid = (SELECT num FROM cases WHERE id = ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  cw_sql_bind_text (stmt, 1, cw_case_get_id (kase));
  if (!cw_store_step_done (self, stmt, error))
    return FALSE;

  stmt = cw_store_prepare (self,
                           "INSERT INTO case_search (rowid, title, names, refs, country, summary)"
                           " SELECT num, ?, ?, ?, ?, ? FROM cases WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  cw_sql_bind_text (stmt, 1, cw_case_get_title (kase));
  cw_sql_bind_text (stmt, 2, names->str);
  cw_sql_bind_text (stmt, 3, refs->str);
  cw_sql_bind_text (stmt, 4, country->str);
  cw_sql_bind_text (stmt, 5, cw_case_get_summary (kase));
  cw_sql_bind_text (stmt, 6, cw_case_get_id (kase));
  return cw_store_step_done (self, stmt, error);
}

/**
 * cw_store_write_case:
 * @is_new: the case is not in the store (cw_store_has_case() said so)
 * @now: the time to stamp it with
 *
 * Checks and writes a case with all its parts and its search index, inside
 * a transaction the caller holds, and queues the change. No savepoint of
 * its own: on an error the caller rolls back.
 */
gboolean
cw_store_write_case (CwStore     *self,
                     CwCase      *kase,
                     gboolean     is_new,
                     const char  *now,
                     GError     **error)
{
  g_assert (self->transaction_depth > 0);

  if (!check_case (kase, error) ||
      !write_case_row (self, kase, now, error) ||
      !write_parts (self, kase, is_new, error) ||
      !cw_store_reindex_case (self, kase, error))
    return FALSE;

  cw_store_queue_change (self, is_new ? CW_STORE_CHANGE_CASE_ADDED : CW_STORE_CHANGE_CASE_CHANGED,
                         cw_case_get_id (kase));
  return TRUE;
}

/**
 * cw_store_save_case:
 * @kase: a case with its details loaded; one without an id is new and is
 *   given one
 *
 * Writes the case and all its parts in one transaction.
 */
gboolean
cw_store_save_case (CwStore  *self,
                    CwCase   *kase,
                    GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = NULL;
  gboolean is_new;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (CW_IS_CASE (kase), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (cw_case_get_id (kase) == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      cw_case_set_id (kase, uuid);
      cw_case_set_has_details (kase, TRUE);
    }

  g_return_val_if_fail (cw_case_get_has_details (kase), FALSE);

  if (!check_case (kase, error) || !cw_store_begin (self, error))
    return FALSE;

  now = cw_timestamp_now ();
  is_new = !cw_store_has_case (self, cw_case_get_id (kase));

  if (!cw_store_write_case (self, kase, is_new, now, &local_error))
    {
      cw_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!cw_store_commit (self, error))
    return FALSE;

  cw_case_set_updated (kase, now);
  return TRUE;
}

gboolean
cw_store_delete_case (CwStore     *self,
                      const char  *id,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!cw_store_begin (self, error))
    return FALSE;

  stmt = cw_store_prepare (self,
                           "DELETE FROM case_search WHERE rowid = (SELECT num FROM cases WHERE id = ?)",
                           &local_error);
  if (stmt != NULL)
    {
      cw_sql_bind_text (stmt, 1, id);
      if (cw_store_step_done (self, stmt, &local_error))
        stmt = cw_store_prepare (self, "DELETE FROM cases WHERE id = ?", &local_error);
      else
        stmt = NULL;
    }
  if (stmt != NULL)
    {
      cw_sql_bind_text (stmt, 1, id);
      if (cw_store_step_done (self, stmt, &local_error) && sqlite3_changes (self->db) == 0)
        g_set_error (&local_error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND,
                     _("There is no case with the id “%s”"), id);
    }

  if (local_error != NULL)
    {
      cw_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  cw_store_queue_change (self, CW_STORE_CHANGE_CASE_REMOVED, id);
  return cw_store_commit (self, error);
}

gboolean
cw_store_touch_case (CwStore     *self,
                     const char  *case_id,
                     GError     **error)
{
  g_autofree char *now = cw_timestamp_now ();

  return cw_store_touch_case_at (self, case_id, now, error);
}

gboolean
cw_store_touch_case_at (CwStore     *self,
                        const char  *case_id,
                        const char  *now,
                        GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = cw_store_prepare (self, "UPDATE cases SET updated = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  cw_sql_bind_text (stmt, 1, now);
  cw_sql_bind_text (stmt, 2, case_id);
  if (!cw_store_step_done (self, stmt, error))
    return FALSE;

  cw_store_queue_change (self, CW_STORE_CHANGE_CASE_CHANGED, case_id);
  return TRUE;
}

/* Each word the user typed becomes a quoted prefix term, so that nothing
 * they type is read as FTS5 syntax. */
static char *
build_match_query (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\r", -1);
  g_autoptr(GString) query = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append (query, "\"*");
    }

  return query->len > 0 ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
}

/* The search statement @sql, its one parameter bound to the full-text
 * query for @text; %NULL with no error when @text has no words. */
static sqlite3_stmt *
prepare_search (CwStore     *self,
                const char  *sql,
                const char  *text,
                GError     **error)
{
  g_autofree char *query = build_match_query (text != NULL ? text : "");
  sqlite3_stmt *stmt;

  if (query == NULL)
    return NULL;

  stmt = cw_store_prepare (self, sql, error);
  if (stmt != NULL)
    cw_sql_bind_text (stmt, 1, query);
  return stmt;
}

/* After the last step of a search, @rc its result. */
static gboolean
finish_search (CwStore       *self,
               sqlite3_stmt  *stmt,
               int            rc,
               GError       **error)
{
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

  cw_store_set_sqlite_error (self, error, rc, _("Could not search the cases"));
  return FALSE;
}

/**
 * cw_store_search_case_rows:
 * @text: what the user typed
 *
 * Like cw_store_search_cases(), but the matches are the cases' row numbers
 * (cw_case_get_row()), read from the search index alone: what search as
 * you type needs on every keystroke.
 *
 * Returns: (transfer full) (nullable): the rows of the matching cases, as
 *   gint64 in ascending order; %NULL with no error when @text has no words
 */
GArray *
cw_store_search_case_rows (CwStore     *self,
                           const char  *text,
                           GError     **error)
{
  g_autoptr(GArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);

  stmt = prepare_search (self, "SELECT rowid FROM case_search WHERE case_search MATCH ?"
                               " ORDER BY rowid", text, error);
  if (stmt == NULL)
    return NULL;

  rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rows, row);
    }

  return finish_search (self, stmt, rc, error) ? g_steal_pointer (&rows) : NULL;
}

/**
 * cw_store_search_cases:
 * @text: what the user typed
 *
 * Returns: (transfer full) (nullable): the set of ids of the cases whose
 *   title, people, references, country or summary have words starting with
 *   every word of @text; %NULL with no error when @text has no words
 */
GHashTable *
cw_store_search_cases (CwStore     *self,
                       const char  *text,
                       GError     **error)
{
  g_autoptr(GHashTable) ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);

  stmt = prepare_search (self, "SELECT c.id FROM case_search s JOIN cases c ON c.num = s.rowid"
                               " WHERE case_search MATCH ?", text, error);
  if (stmt == NULL)
    return NULL;

  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (ids, cw_sql_column_dup (stmt, 0));

  return finish_search (self, stmt, rc, error) ? g_steal_pointer (&ids) : NULL;
}
