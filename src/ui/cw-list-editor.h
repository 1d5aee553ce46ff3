/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CW_TYPE_LIST_EDITOR (cw_list_editor_get_type ())

G_DECLARE_FINAL_TYPE (CwListEditor, cw_list_editor, CW, LIST_EDITOR, AdwPreferencesGroup)

/**
 * CwListEditorRowFunc:
 * @position: where the item is in the list
 * @menu_button: the row's "move or remove" button, for the row to place
 *   among its suffixes
 *
 * Returns: (transfer floating): a row that shows and edits the item
 */
typedef GtkWidget *(*CwListEditorRowFunc)  (CwListEditor *editor,
                                            guint         position,
                                            GtkWidget    *menu_button,
                                            gpointer      user_data);

/* Returns: (transfer full): a new, empty item for the list */
typedef gpointer   (*CwListEditorItemFunc) (CwListEditor *editor,
                                            gpointer      user_data);

GtkWidget *cw_list_editor_new           (void);
void       cw_list_editor_set_functions (CwListEditor         *self,
                                         CwListEditorRowFunc   create_row,
                                         CwListEditorItemFunc  new_item,
                                         gpointer              user_data);
GPtrArray *cw_list_editor_get_items     (CwListEditor         *self);
void       cw_list_editor_set_items     (CwListEditor         *self,
                                         GPtrArray            *items);
gboolean   cw_list_editor_get_editable  (CwListEditor         *self);
void       cw_list_editor_set_editable  (CwListEditor         *self,
                                         gboolean              editable);
GtkWidget *cw_list_editor_get_row       (CwListEditor         *self,
                                         guint                 position);

void       cw_list_editor_add_item      (CwListEditor         *self);
void       cw_list_editor_remove_item   (CwListEditor         *self,
                                         guint                 position);
void       cw_list_editor_move_item     (CwListEditor         *self,
                                         guint                 position,
                                         guint                 new_position);

G_END_DECLS
