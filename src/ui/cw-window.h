/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cw-application.h"
#include "cw-store.h"

G_BEGIN_DECLS

#define CW_TYPE_WINDOW (cw_window_get_type ())

G_DECLARE_FINAL_TYPE (CwWindow, cw_window, CW, WINDOW, AdwApplicationWindow)

CwWindow   *cw_window_new            (CwApplication *application,
                                      CwStore       *store,
                                      const GError  *open_error);
void        cw_window_set_store      (CwWindow      *self,
                                      CwStore       *store,
                                      const GError  *open_error);
GListModel *cw_window_get_case_model (CwWindow      *self);
CwCase     *cw_window_get_selected_case (CwWindow   *self);
void        cw_window_select_case    (CwWindow      *self,
                                      const char    *id);

G_END_DECLS
