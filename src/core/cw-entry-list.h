/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cw-store.h"

G_BEGIN_DECLS

#define CW_TYPE_ENTRY_LIST (cw_entry_list_get_type ())

G_DECLARE_FINAL_TYPE (CwEntryList, cw_entry_list, CW, ENTRY_LIST, GObject)

CwEntryList *cw_entry_list_new         (CwStore      *store,
                                        const char   *case_id);
CwEntryList *cw_entry_list_new_incremental (CwStore   *store,
                                            const char *case_id);
CwStore     *cw_entry_list_get_store   (CwEntryList  *self);
gboolean     cw_entry_list_is_complete (CwEntryList  *self);
guint        cw_entry_list_get_n_total (CwEntryList  *self);
const char  *cw_entry_list_get_case_id (CwEntryList  *self);
gboolean     cw_entry_list_reload      (CwEntryList  *self,
                                        GError      **error);

G_END_DECLS
