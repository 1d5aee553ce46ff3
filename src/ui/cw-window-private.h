/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-case-list.h"
#include "cw-casefile.h"
#include "cw-window.h"

G_BEGIN_DECLS

/* Shared by the files that make up the window: cw-window.c (the case list
 * and pages) and cw-window-casefiles.c (import, export, handover). */
struct _CwWindow
{
  AdwApplicationWindow parent_instance;

  CwStore *store;
  CwCaseList *cases;
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;
  GSettings *settings;

  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  GtkWidget *content;
  AdwWindowTitle *sidebar_title;
  AdwWindowTitle *content_title;
  GtkStack *sidebar_stack;
  GtkListView *case_view;
  GtkStack *content_stack;
  AdwStatusPage *case_page;
  AdwStatusPage *error_page;
  GtkRevealer *progress_revealer;
  GtkProgressBar *progress_bar;
  GtkWidget *case_menu_button;

  GCancellable *cancellable;
};


void cw_window_show_toast         (CwWindow   *self,
                                   const char *title);
void cw_window_show_error         (CwWindow   *self,
                                   const char *heading,
                                   const char *body);

/* cw-window-casefiles.c */
void cw_window_casefiles_class_init (GtkWidgetClass *widget_class);
void cw_window_casefiles_init       (CwWindow       *self);
void     cw_window_import_files     (CwWindow           *self,
                                     GPtrArray          *files);
void     cw_window_export_cases     (CwWindow           *self,
                                     const char * const *ids,
                                     CwCasefileScope     scope,
                                     GFile              *file);
gboolean cw_window_hand_over_case   (CwWindow           *self,
                                     const char         *case_id,
                                     const char         *next_holder,
                                     GFile              *file,
                                     GError            **error);

G_END_DECLS
