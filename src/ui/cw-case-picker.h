/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cw-case.h"

G_BEGIN_DECLS

#define CW_TYPE_CASE_PICKER (cw_case_picker_get_type ())

G_DECLARE_FINAL_TYPE (CwCasePicker, cw_case_picker, CW, CASE_PICKER, GtkWidget)

/* The line under a case's title; newly allocated. */
typedef char    *(*CwCasePickerDescribeFunc) (CwCase   *kase);
/* Whether a case is chosen. */
typedef gboolean (*CwCasePickerChooseFunc)   (CwCase   *kase,
                                              gpointer  user_data);

GtkWidget  *cw_case_picker_new              (gboolean                  selectable);
void        cw_case_picker_set_cases        (CwCasePicker             *self,
                                             GPtrArray                *cases,
                                             CwCasePickerDescribeFunc  describe);
void        cw_case_picker_set_placeholder  (CwCasePicker             *self,
                                             const char               *text);
guint       cw_case_picker_get_n_cases      (CwCasePicker             *self);
CwCase     *cw_case_picker_get_case         (CwCasePicker             *self,
                                             const char               *case_id);
gboolean    cw_case_picker_get_chosen       (CwCasePicker             *self,
                                             const char               *case_id);
gboolean    cw_case_picker_set_chosen       (CwCasePicker             *self,
                                             const char               *case_id,
                                             gboolean                  chosen);
void        cw_case_picker_choose           (CwCasePicker             *self,
                                             CwCasePickerChooseFunc    choose,
                                             gpointer                  user_data);
GPtrArray  *cw_case_picker_list_chosen      (CwCasePicker             *self);
const char *cw_case_picker_get_selected     (CwCasePicker             *self);
void        cw_case_picker_select           (CwCasePicker             *self,
                                             const char               *case_id);
const char *cw_case_picker_get_id_at        (CwCasePicker             *self,
                                             guint                     position);

G_END_DECLS
