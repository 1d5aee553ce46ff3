/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cw-store.h"

G_BEGIN_DECLS

#define CW_TYPE_CASE_PAGE (cw_case_page_get_type ())

G_DECLARE_FINAL_TYPE (CwCasePage, cw_case_page, CW, CASE_PAGE, GtkWidget)

GtkWidget  *cw_case_page_new          (CwStore    *store);
CwStore    *cw_case_page_get_store    (CwCasePage *self);
const char *cw_case_page_get_case_id  (CwCasePage *self);
void        cw_case_page_set_case_id  (CwCasePage *self,
                                       const char *id);
gboolean    cw_case_page_flush        (CwCasePage *self,
                                       GError    **error);
GtkWidget  *cw_case_page_get_timeline (CwCasePage *self);
void        cw_case_page_set_timeline (CwCasePage *self,
                                       GtkWidget  *timeline);

G_END_DECLS
