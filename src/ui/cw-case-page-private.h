/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-case-page.h"
#include "cw-list-editor.h"
#include "cw-text-row.h"

G_BEGIN_DECLS

/* Shared by the files that make up the case page: cw-case-page.c (loading,
 * saving, the fixed sections), cw-case-page-fields.c (how a row edits one
 * field of the case) and cw-case-page-lists.c (the rows of its lists). */
struct _CwCasePage
{
  GtkWidget parent_instance;

  CwStore *store;
  CwCase *kase;
  GPtrArray *fields;              /* the template's bound widgets */
  GPtrArray *pending_fields;      /* widgets whose text is not yet in the case */
  guint save_source;
  guint loading;                  /* > 0 while fields are filled from the case */
  gboolean dirty;                 /* edited since the last save */
  gboolean saving;

  GtkWidget *scrolled;
  GtkWidget *content;
  GtkWidget *problem_box;
  GtkLabel *problem_label;
  GtkWidget *sections;

  GtkWidget *safety_card;
  GtkWidget *safety_lines;
  AdwComboRow *public_action_row;
  AdwComboRow *solidarity_row;
  CwListEditor *notes_editor;

  AdwEntryRow *title_row;
  AdwComboRow *kind_row;
  AdwComboRow *type_row;
  AdwComboRow *status_row;
  AdwEntryRow *closed_row;
  AdwComboRow *outcome_row;
  AdwEntryRow *country_code_row;
  AdwEntryRow *country_name_row;
  AdwComboRow *region_row;
  AdwEntryRow *themes_row;
  AdwEntryRow *opened_row;
  CwListEditor *references_editor;

  GtkWidget *ua_group;
  AdwEntryRow *ua_number_row;
  AdwEntryRow *ua_issued_row;
  AdwEntryRow *ua_deadline_row;
  AdwEntryRow *ua_sequence_row;

  GtkTextView *summary_view;
  GtkTextView *background_view;
  AdwBin *timeline_slot;

  CwListEditor *people_editor;

  AdwEntryRow *place_row;
  AdwEntryRow *arrested_row;
  CwTextRow *charges_row;
  AdwEntryRow *sentence_row;
  CwTextRow *health_row;
  AdwComboRow *legal_access_row;
  AdwEntryRow *legal_access_note_row;
  AdwComboRow *family_access_row;
  AdwEntryRow *family_access_note_row;

  AdwEntryRow *coordinator_name_row;
  AdwEntryRow *coordinator_role_row;
  AdwEntryRow *coordinator_organisation_row;
  AdwEntryRow *coordinator_email_row;
  AdwEntryRow *coordinator_phone_row;
  CwTextRow *coordinator_address_row;
  CwTextRow *coordinator_notes_row;
  CwListEditor *holders_editor;

  CwListEditor *targets_editor;
  CwListEditor *actions_editor;
  CwListEditor *letters_editor;
};

/* What a field holds, which says how its text is checked and stored. */
typedef enum {
  CW_FIELD_TEXT,          /* free text; empty is "not given" */
  CW_FIELD_TITLE,         /* free text that may not be empty */
  CW_FIELD_DATE,          /* a partial ISO date: 2025, 2025-03, 2025-03-07 */
  CW_FIELD_COUNTRY,       /* two letters, stored in capitals */
  CW_FIELD_LANGUAGE,      /* a BCP 47 tag: en, es, pt-BR */
  CW_FIELD_NUMBER,        /* a whole number; empty is 0 */
  CW_FIELD_WORDS,         /* words separated by commas, into a list */
  CW_FIELD_LINES,         /* one line each, into a string array */
} CwFieldKind;

/* Where a field's value lives in the case. */
typedef enum {
  CW_SLOT_CASE,           /* a property of the case */
  CW_SLOT_THEMES,         /* the case's list of themes */
  CW_SLOT_DETENTION,      /* a member of the detention details, made on first use */
  CW_SLOT_COORDINATOR,    /* a member of the coordinator, made on first use */
  CW_SLOT_STRUCT,         /* a member of an item of a list */
  CW_SLOT_STRING,         /* a string in a list of strings */
} CwSlotOwner;

typedef struct {
  CwSlotOwner owner;
  const char *property;   /* CW_SLOT_CASE */
  gsize offset;           /* CW_SLOT_DETENTION, _COORDINATOR, _STRUCT */
  gpointer item;          /* CW_SLOT_STRUCT */
  GPtrArray *list;        /* CW_SLOT_STRING */
  guint index;            /* CW_SLOT_STRING */
} CwSlot;

#define CW_CASE_SLOT(prop) \
  (&(CwSlot) { .owner = CW_SLOT_CASE, .property = (prop) })
#define CW_DETENTION_SLOT(member) \
  (&(CwSlot) { .owner = CW_SLOT_DETENTION, .offset = G_STRUCT_OFFSET (CwDetention, member) })
#define CW_COORDINATOR_SLOT(member) \
  (&(CwSlot) { .owner = CW_SLOT_COORDINATOR, .offset = G_STRUCT_OFFSET (CwContact, member) })
#define CW_ITEM_SLOT(it, Type, member) \
  (&(CwSlot) { .owner = CW_SLOT_STRUCT, .item = (it), .offset = G_STRUCT_OFFSET (Type, member) })
#define CW_STRING_SLOT(array, i) \
  (&(CwSlot) { .owner = CW_SLOT_STRING, .list = (array), .index = (i) })

/* One choice of a combo row: the word the format writes (NULL: not set) and
 * what people read, marked with N_(). A list ends with a NULL label. */
typedef struct {
  const char *nick;
  const char *label;
} CwChoice;

/* Called after a field of a list item changed, to retitle its row. */
typedef void (*CwFieldNotify) (GtkWidget *row,
                               gpointer   item);

/* cw-case-page-fields.c */
void      cw_case_page_bind_entry        (CwCasePage     *self,
                                          AdwEntryRow    *row,
                                          CwFieldKind     kind,
                                          const CwSlot   *slot);
void      cw_case_page_bind_text         (CwCasePage     *self,
                                          GtkTextView    *view,
                                          CwFieldKind     kind,
                                          const CwSlot   *slot);
void      cw_case_page_bind_choice       (CwCasePage     *self,
                                          GtkWidget      *combo,
                                          const CwChoice *choices,
                                          const CwSlot   *slot);
void      cw_case_page_field_set_notify  (GtkWidget      *field,
                                          GtkWidget      *row,
                                          CwFieldNotify   notify,
                                          gpointer        item);
void      cw_case_page_load_field        (CwCasePage     *self,
                                          GtkWidget      *field);
void      cw_case_page_commit_fields     (CwCasePage     *self);
char     *cw_case_page_find_field_error  (GtkWidget      *widget);
void      cw_case_page_mark_unsaved_fields (GtkWidget    *widget,
                                            const char   *problem);
void      cw_case_page_set_fields_editable (GtkWidget    *widget,
                                          gboolean        editable);

/* cw-case-page-lists.c */
void      cw_case_page_lists_init        (CwCasePage     *self);
void      cw_case_page_lists_load        (CwCasePage     *self);

/* cw-case-page.c */
void      cw_case_page_edited            (CwCasePage     *self);

G_END_DECLS
