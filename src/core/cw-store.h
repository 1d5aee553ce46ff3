/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cw-case.h"
#include "cw-entry.h"
#include "cw-letter-template.h"
#include "cw-profile.h"

G_BEGIN_DECLS

#define CW_TYPE_STORE (cw_store_get_type ())

G_DECLARE_FINAL_TYPE (CwStore, cw_store, CW, STORE, GObject)

/* The schema version this build writes. */
#define CW_STORE_SCHEMA_VERSION 4

#define CW_STORE_ERROR (cw_store_error_quark ())

typedef enum {
  CW_STORE_ERROR_FAILED,
  CW_STORE_ERROR_NOT_CASEWORK,   /* the file is not a Casework database */
  CW_STORE_ERROR_READ_ONLY,      /* opened read-only: written by a newer Casework */
  CW_STORE_ERROR_NOT_FOUND,
  CW_STORE_ERROR_INVALID,        /* a value the format does not allow */
  CW_STORE_ERROR_BUSY,           /* locked by another program */
  CW_STORE_ERROR_FULL,           /* the disk is full */
  CW_STORE_ERROR_IO,
} CwStoreError;

GQuark       cw_store_error_quark           (void);

char        *cw_store_default_path          (void);

CwStore     *cw_store_open                  (const char        *path,
                                             GError           **error);
gboolean     cw_store_file_needs_update     (const char        *path);
const char  *cw_store_get_path              (CwStore           *self);
gboolean     cw_store_get_read_only         (CwStore           *self);
const char  *cw_store_get_read_only_reason  (CwStore           *self);
int          cw_store_get_schema_version    (CwStore           *self);
const char  *cw_store_get_changed_entry     (CwStore           *self);

gboolean     cw_store_check_integrity       (CwStore           *self,
                                             GError           **error);
gboolean     cw_store_check_output_file     (CwStore           *self,
                                             GFile             *file,
                                             GError           **error);

/* Backups */
typedef struct {
  int schema_version;
  guint n_cases;
  guint n_entries;
  char *last_changed;     /* when a case last changed, ISO 8601; NULL if none */
} CwBackupInfo;

void         cw_backup_info_clear           (CwBackupInfo      *info);

gboolean     cw_store_backup                (CwStore           *self,
                                             const char        *dest_path,
                                             GError           **error);
gboolean     cw_store_check_backup          (const char        *path,
                                             CwBackupInfo      *info,
                                             GError           **error);
gboolean     cw_store_restore_from          (CwStore           *self,
                                             const char        *backup_path,
                                             char             **out_safety_copy,
                                             GError           **error);

gboolean     cw_store_begin                 (CwStore           *self,
                                             GError           **error);
gboolean     cw_store_commit                (CwStore           *self,
                                             GError           **error);
void         cw_store_rollback              (CwStore           *self);

/* Cases */
GPtrArray   *cw_store_list_cases            (CwStore           *self,
                                             GError           **error);
CwCase      *cw_store_load_case_summary     (CwStore           *self,
                                             const char        *id,
                                             GError           **error);
CwCase      *cw_store_load_case             (CwStore           *self,
                                             const char        *id,
                                             GError           **error);
gboolean     cw_store_save_case             (CwStore           *self,
                                             CwCase            *kase,
                                             GError           **error);
gboolean     cw_store_delete_case           (CwStore           *self,
                                             const char        *id,
                                             GError           **error);
gboolean     cw_store_has_case              (CwStore           *self,
                                             const char        *id);
guint        cw_store_count_cases           (CwStore           *self);
GArray      *cw_store_search_case_rows      (CwStore           *self,
                                             const char        *text,
                                             GError           **error);
GHashTable  *cw_store_search_cases          (CwStore           *self,
                                             const char        *text,
                                             GError           **error);

/* Timeline */
GPtrArray   *cw_store_list_entries          (CwStore           *self,
                                             const char        *case_id,
                                             GError           **error);
GPtrArray   *cw_store_list_entries_after    (CwStore           *self,
                                             const char        *case_id,
                                             CwEntry           *after,
                                             guint              limit,
                                             GError           **error);
guint        cw_store_count_entries         (CwStore           *self,
                                             const char        *case_id);
gboolean     cw_store_get_timeline_dates    (CwStore           *self,
                                             const char        *case_id,
                                             gboolean           include_private,
                                             const char        *after,
                                             char             **first,
                                             char             **last,
                                             char             **first_after,
                                             GError           **error);
CwEntry     *cw_store_load_entry            (CwStore           *self,
                                             const char        *id,
                                             GError           **error);
gboolean     cw_store_save_entry            (CwStore           *self,
                                             CwEntry           *entry,
                                             GError           **error);
gboolean     cw_store_delete_entry          (CwStore           *self,
                                             const char        *id,
                                             GError           **error);

/* The group */
CwProfile   *cw_store_load_profile          (CwStore           *self,
                                             GError           **error);
gboolean     cw_store_save_profile          (CwStore           *self,
                                             const CwProfile   *profile,
                                             GError           **error);

/* The group's words on a case for a yearly report */
gboolean     cw_store_load_report_note      (CwStore           *self,
                                             const char        *case_id,
                                             guint              year,
                                             char             **how_it_went,
                                             char             **next_steps,
                                             GError           **error);
gboolean     cw_store_save_report_note      (CwStore           *self,
                                             const char        *case_id,
                                             guint              year,
                                             const char        *how_it_went,
                                             const char        *next_steps,
                                             GError           **error);

/* Letter templates */
GPtrArray   *cw_store_list_letter_templates (CwStore           *self,
                                             GError           **error);
gboolean     cw_store_save_letter_template  (CwStore           *self,
                                             CwLetterTemplate  *tmpl,
                                             GError           **error);
gboolean     cw_store_delete_letter_template (CwStore          *self,
                                             const char        *id,
                                             GError           **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CwBackupInfo, cw_backup_info_clear)

G_END_DECLS
