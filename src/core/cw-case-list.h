/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cw-store.h"

G_BEGIN_DECLS

#define CW_TYPE_CASE_LIST (cw_case_list_get_type ())

G_DECLARE_FINAL_TYPE (CwCaseList, cw_case_list, CW, CASE_LIST, GObject)

CwCaseList *cw_case_list_new    (CwStore      *store);
CwStore    *cw_case_list_get_store (CwCaseList *self);
gboolean    cw_case_list_reload (CwCaseList   *self,
                                 GError      **error);
CwCase     *cw_case_list_find   (CwCaseList   *self,
                                 const char   *id,
                                 guint        *position);

G_END_DECLS
