/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cw-date.h"
#include "cw-enums.h"

G_BEGIN_DECLS

#define CW_TYPE_ENTRY (cw_entry_get_type ())

G_DECLARE_FINAL_TYPE (CwEntry, cw_entry, CW, ENTRY, GObject)

/* An entry with no count: nothing was counted, which is not zero. */
#define CW_ENTRY_NO_COUNT (-1)

CwEntry         *cw_entry_new           (void);
CwEntry         *cw_entry_copy          (CwEntry         *self);

const char      *cw_entry_get_id        (CwEntry         *self);
void             cw_entry_set_id        (CwEntry         *self,
                                         const char      *id);
const char      *cw_entry_get_case_id   (CwEntry         *self);
void             cw_entry_set_case_id   (CwEntry         *self,
                                         const char      *case_id);
const char      *cw_entry_get_date      (CwEntry         *self);
void             cw_entry_set_date      (CwEntry         *self,
                                         const char      *date);
CwDatePrecision  cw_entry_get_precision (CwEntry         *self);
CwEntryCategory  cw_entry_get_category  (CwEntry         *self);
void             cw_entry_set_category  (CwEntry         *self,
                                         CwEntryCategory  category);
const char      *cw_entry_get_kind      (CwEntry         *self);
void             cw_entry_set_kind      (CwEntry         *self,
                                         const char      *kind);
gint64           cw_entry_get_count     (CwEntry         *self);
void             cw_entry_set_count     (CwEntry         *self,
                                         gint64           count);
gboolean         cw_entry_get_private   (CwEntry         *self);
void             cw_entry_set_private   (CwEntry         *self,
                                         gboolean         is_private);
const char      *cw_entry_get_title     (CwEntry         *self);
void             cw_entry_set_title     (CwEntry         *self,
                                         const char      *title);
const char      *cw_entry_get_notes     (CwEntry         *self);
void             cw_entry_set_notes     (CwEntry         *self,
                                         const char      *notes);
const char      *cw_entry_get_updated   (CwEntry         *self);
void             cw_entry_set_updated   (CwEntry         *self,
                                         const char      *timestamp);

G_END_DECLS
