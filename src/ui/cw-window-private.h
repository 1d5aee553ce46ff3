/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-case-filter.h"
#include "cw-case-list.h"
#include "cw-casefile.h"
#include "cw-case-page.h"
#include "cw-timeline-view.h"
#include "cw-window.h"

G_BEGIN_DECLS

/* Shared by the files that make up the window: cw-window.c (the case list
 * and pages) and cw-window-casefiles.c (import, export, handover). */
struct _CwWindow
{
  AdwApplicationWindow parent_instance;

  CwStore *store;
  CwCaseList *cases;
  GtkFilterListModel *filtered;
  CwCaseFilter *filter;         /* what the list shows: search and filters */
  GtkSortListModel *sorted;
  GtkSorter *sorter;            /* owned by sorted */
  GDate today;
  guint day_source;
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
  AdwBin *case_bin;
  CwCasePage *case_page;
  CwTimelineView *timeline;
  CwEntry *deleted_entry;       /* for Undo, until its toast is gone */
  AdwStatusPage *error_page;
  GtkSpinner *updating_spinner;
  gboolean close_when_updated;  /* asked to close while the database was updated */
  GtkRevealer *progress_revealer;
  GtkProgressBar *progress_bar;
  GtkWidget *case_menu_button;
  GtkSearchEntry *search_entry;
  GtkWidget *filter_button;

  /* The last deleted case, kept until its toast is gone, for Undo. */
  CwCase *deleted_case;
  GPtrArray *deleted_entries;

  GCancellable *cancellable;
  guint jobs_running;           /* imports and backups working in threads */
};


void cw_window_show_toast         (CwWindow   *self,
                                   const char *title);
void cw_window_show_error         (CwWindow   *self,
                                   const char *heading,
                                   const char *body);

void cw_window_update_content    (CwWindow   *self);
gboolean cw_window_is_updating    (CwWindow   *self);

/* cw-window-search.c */
void cw_window_search_init        (CwWindow   *self);
void cw_window_search_class_init  (GtkWidgetClass *widget_class);
void cw_window_search_finalize    (CwWindow   *self);
void cw_window_set_search         (CwWindow   *self,
                                   const char *text);
gboolean cw_window_is_filtered    (CwWindow   *self);

/* cw-window-cases.c */
void cw_window_cases_class_init   (GtkWidgetClass *widget_class);
void cw_window_cases_finalize     (CwWindow   *self);
gboolean cw_window_delete_case    (CwWindow    *self,
                                   const char  *id,
                                   GError     **error);

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

/* cw-window-backup.c */
void     cw_window_backup_class_init (GtkWidgetClass    *widget_class);
void     cw_window_back_up_to       (CwWindow           *self,
                                     GFile              *file);
void     cw_window_restore_from     (CwWindow           *self,
                                     GFile              *file);
gboolean cw_window_restore_now      (CwWindow           *self,
                                     GFile              *file);

G_END_DECLS
