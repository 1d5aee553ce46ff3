/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-store"

#include <glib/gi18n-lib.h>

#include "cw-enums.h"
#include "cw-date.h"
#include "cw-store-private.h"

/* What belongs to the group rather than a case: its profile and its
 * letter templates. */

CwProfile *
cw_store_load_profile (CwStore  *self,
                       GError  **error)
{
  g_autoptr(CwProfile) profile = cw_profile_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);

  stmt = cw_store_prepare (self,
                           "SELECT name, number, address, signatory, paper_size"
                           " FROM group_profile WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_free (profile->name);
      profile->name = cw_sql_column_dup (stmt, 0);
      g_free (profile->number);
      profile->number = cw_sql_column_dup (stmt, 1);
      g_free (profile->address);
      profile->address = cw_sql_column_dup (stmt, 2);
      g_free (profile->signatory);
      profile->signatory = cw_sql_column_dup (stmt, 3);
      g_free (profile->paper_size);
      profile->paper_size = cw_sql_column_dup (stmt, 4);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      cw_store_set_sqlite_error (self, error, rc, _("Could not read the group’s details"));
      return NULL;
    }

  return g_steal_pointer (&profile);
}

gboolean
cw_store_save_profile (CwStore          *self,
                       const CwProfile  *profile,
                       GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (profile != NULL, FALSE);

  if (!cw_profile_paper_size_is_valid (profile->paper_size))
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("Paper size: “%s” is neither “a4” nor “letter”"),
                   profile->paper_size != NULL ? profile->paper_size : "");
      return FALSE;
    }

  if (!cw_store_begin (self, error))
    return FALSE;

  stmt = cw_store_prepare (self,
                           "INSERT INTO group_profile (id, name, number, address, signatory,"
                           " paper_size) VALUES (1, ?, ?, ?, ?, ?)"
                           " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                           " number = excluded.number, address = excluded.address,"
                           " signatory = excluded.signatory, paper_size = excluded.paper_size",
                           &local_error);
  if (stmt != NULL)
    {
      cw_sql_bind_text (stmt, 1, profile->name != NULL ? profile->name : "");
      cw_sql_bind_text (stmt, 2, profile->number != NULL ? profile->number : "");
      cw_sql_bind_text (stmt, 3, profile->address != NULL ? profile->address : "");
      cw_sql_bind_text (stmt, 4, profile->signatory != NULL ? profile->signatory : "");
      cw_sql_bind_text (stmt, 5, profile->paper_size);
      cw_store_step_done (self, stmt, &local_error);
    }

  if (local_error != NULL)
    {
      cw_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return cw_store_commit (self, error);
}

GPtrArray *
cw_store_list_letter_templates (CwStore  *self,
                                GError  **error)
{
  g_autoptr(GPtrArray) templates =
    g_ptr_array_new_with_free_func ((GDestroyNotify) cw_letter_template_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);

  stmt = cw_store_prepare (self,
                           "SELECT id, language, role, name, body, closing, bundled"
                           " FROM letter_templates ORDER BY language, role, name", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CwLetterTemplate *tmpl = cw_letter_template_new ();

      tmpl->id = cw_sql_column_dup (stmt, 0);
      tmpl->language = cw_sql_column_dup (stmt, 1);
      tmpl->role = cw_sql_column_dup (stmt, 2);
      tmpl->name = cw_sql_column_dup (stmt, 3);
      tmpl->body = cw_sql_column_dup (stmt, 4);
      tmpl->closing = cw_sql_column_dup (stmt, 5);
      tmpl->bundled = sqlite3_column_int (stmt, 6) != 0;
      g_ptr_array_add (templates, tmpl);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      cw_store_set_sqlite_error (self, error, rc, _("Could not read the letter templates"));
      return NULL;
    }

  return g_steal_pointer (&templates);
}

/**
 * cw_store_save_letter_template:
 * @tmpl: a template; one without an id is new and is given one
 */
gboolean
cw_store_save_letter_template (CwStore           *self,
                               CwLetterTemplate  *tmpl,
                               GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (tmpl != NULL, FALSE);

  if (!cw_target_role_is_valid (tmpl->role) || tmpl->language == NULL || *tmpl->language == '\0' ||
      tmpl->name == NULL || *tmpl->name == '\0')
    {
      g_set_error_literal (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                           _("A letter template needs a name, a language and a role "
                             "(appeal, copy or solidarity)"));
      return FALSE;
    }

  if (tmpl->id == NULL)
    tmpl->id = g_uuid_string_random ();

  if (!cw_store_begin (self, error))
    return FALSE;

  now = cw_timestamp_now ();
  stmt = cw_store_prepare (self,
                           "INSERT INTO letter_templates (id, language, role, name, body, closing,"
                           " bundled, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                           " ON CONFLICT (id) DO UPDATE SET language = excluded.language,"
                           " role = excluded.role, name = excluded.name, body = excluded.body,"
                           " closing = excluded.closing, bundled = excluded.bundled,"
                           " updated = excluded.updated", &local_error);
  if (stmt != NULL)
    {
      cw_sql_bind_text (stmt, 1, tmpl->id);
      cw_sql_bind_text (stmt, 2, tmpl->language);
      cw_sql_bind_text (stmt, 3, tmpl->role);
      cw_sql_bind_text (stmt, 4, tmpl->name);
      cw_sql_bind_text (stmt, 5, tmpl->body != NULL ? tmpl->body : "");
      cw_sql_bind_text (stmt, 6, tmpl->closing != NULL ? tmpl->closing : "");
      sqlite3_bind_int (stmt, 7, tmpl->bundled ? 1 : 0);
      cw_sql_bind_text (stmt, 8, now);
      cw_store_step_done (self, stmt, &local_error);
    }

  if (local_error != NULL)
    {
      cw_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return cw_store_commit (self, error);
}

gboolean
cw_store_delete_letter_template (CwStore     *self,
                                 const char  *id,
                                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!cw_store_begin (self, error))
    return FALSE;

  stmt = cw_store_prepare (self, "DELETE FROM letter_templates WHERE id = ?", &local_error);
  if (stmt != NULL)
    {
      cw_sql_bind_text (stmt, 1, id);
      if (cw_store_step_done (self, stmt, &local_error) && sqlite3_changes (self->db) == 0)
        g_set_error (&local_error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND,
                     _("There is no letter template with the id %s"), id);
    }

  if (local_error != NULL)
    {
      cw_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return cw_store_commit (self, error);
}
