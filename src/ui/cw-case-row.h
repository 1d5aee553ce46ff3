/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cw-case.h"

G_BEGIN_DECLS

#define CW_TYPE_CASE_ROW (cw_case_row_get_type ())

G_DECLARE_FINAL_TYPE (CwCaseRow, cw_case_row, CW, CASE_ROW, GtkWidget)

GtkWidget *cw_case_row_new      (void);
CwCase    *cw_case_row_get_case (CwCaseRow *self);
void       cw_case_row_set_case (CwCaseRow *self,
                                 CwCase    *kase);

G_END_DECLS
