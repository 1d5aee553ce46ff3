/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-meeting-pack"

#include <glib/gi18n-lib.h>

#include "cw-bundled-templates.h"
#include "cw-meeting.h"
#include "cw-meeting-pack-private.h"
#include "cw-output-file.h"

static void cw_meeting_pack_document_init (CwDocumentInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwMeetingPack, cw_meeting_pack, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CW_TYPE_DOCUMENT,
                                                      cw_meeting_pack_document_init))

static void
pack_case_free (CwPackCase *pack_case)
{
  g_clear_object (&pack_case->kase);
  g_clear_pointer (&pack_case->letters, g_ptr_array_unref);
  g_free (pack_case);
}

static void
clear_pagination (CwMeetingPack *self)
{
  g_clear_pointer (&self->flow, cw_page_flow_free);
  g_clear_pointer (&self->contexts, g_hash_table_unref);
  g_clear_object (&self->context);
  self->n_briefing_pages = 0;
  self->n_envelope_pages = 0;
}

/* Layouts */

static PangoContext *
derive_context (PangoContext *base,
                const char   *language)
{
  const CwLetterLanguage *conventions = cw_letter_language_lookup (language);
  PangoContext *context = pango_font_map_create_context (pango_context_get_font_map (base));
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (base);

  if (options != NULL)
    pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, pango_cairo_context_get_resolution (base));
  pango_context_set_matrix (context, pango_context_get_matrix (base));
  pango_context_set_round_glyph_positions (context,
                                           pango_context_get_round_glyph_positions (base));
  pango_context_set_language (context, pango_language_from_string (language));
  pango_context_set_base_dir (context, cw_letter_language_get_direction (conventions));
  return context;
}

/**
 * cw_meeting_pack_context_for:
 * @language: (nullable): a letter's language; %NULL for the group's own
 *   pages, which follow each paragraph's text
 *
 * A context whose base direction is the language's: an Arabic letter is
 * laid out right to left from its first line to its signature.
 */
PangoContext *
cw_meeting_pack_context_for (CwMeetingPack *self,
                             const char    *language)
{
  PangoContext *context;

  if (language == NULL)
    return self->context;

  context = g_hash_table_lookup (self->contexts, language);
  if (context == NULL)
    {
      context = derive_context (self->context, language);
      g_hash_table_insert (self->contexts, g_strdup (language), context);
    }
  return context;
}

static PangoAlignment
alignment_for (PangoDirection direction,
               CwPackAlign    align)
{
  gboolean rtl = direction == PANGO_DIRECTION_RTL;

  if (align == CW_PACK_ALIGN_START)
    return rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  return rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
}

/**
 * cw_meeting_pack_layout:
 * @font: a family and style, "Serif" or "Sans Bold"
 * @size: in points
 * @width: where lines wrap, in points
 */
PangoLayout *
cw_meeting_pack_layout (CwMeetingPack *self,
                        const char    *language,
                        const char    *font,
                        double         size,
                        double         width,
                        CwPackAlign    align,
                        const char    *text)
{
  PangoContext *context = cw_meeting_pack_context_for (self, language);
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  /* Absolute: the unit is the point on every surface, whatever the
   * context's resolution. */
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* A letter keeps its language's direction even where a line starts
   * with a name in another script; the group's own pages follow the text. */
  pango_layout_set_auto_dir (layout, language == NULL);
  pango_layout_set_alignment (layout, alignment_for (pango_context_get_base_dir (context), align));
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

void
cw_pack_layout_set_grey (PangoLayout *layout,
                         double       grey)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  guint16 level = (guint16) (grey * 65535);

  pango_attr_list_insert (attrs, pango_attr_foreground_new (level, level, level));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

double
cw_meeting_pack_page_width (CwMeetingPack *self)
{
  double width, height;

  cw_paper_size_points (self->profile->paper_size, &width, &height);
  return width;
}

double
cw_meeting_pack_content_width (CwMeetingPack *self)
{
  return cw_meeting_pack_page_width (self) - 2 * CW_PACK_MARGIN_X;
}

/* CwDocument */

static void
add_letter_sets (CwMeetingPack *self)
{
  guint first = cw_page_flow_get_n_pages (self->flow);
  guint n_pages;

  for (guint i = 0; i < self->cases->len; i++)
    {
      CwPackCase *pack_case = g_ptr_array_index (self->cases, i);

      for (guint j = 0; j < pack_case->letters->len; j++)
        cw_pack_add_letter (self, g_ptr_array_index (pack_case->letters, j));
    }

  /* Each member's set together: the holder hands round a set each. */
  n_pages = cw_page_flow_get_n_pages (self->flow) - first;
  for (guint copy = 1; copy < self->copies; copy++)
    cw_page_flow_repeat_pages (self->flow, first, n_pages);
}

static guint
cw_meeting_pack_paginate (CwDocument   *document,
                          PangoContext *context,
                          double        page_width,
                          double        page_height)
{
  CwMeetingPack *self = CW_MEETING_PACK (document);
  guint before;

  clear_pagination (self);
  self->context = g_object_ref (context);
  self->contexts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->flow = cw_page_flow_new (page_width, page_height, CW_PACK_MARGIN_TOP,
                                 CW_PACK_MARGIN_BOTTOM);

  for (guint i = 0; i < self->cases->len; i++)
    cw_pack_add_briefing (self, g_ptr_array_index (self->cases, i));
  self->n_briefing_pages = cw_page_flow_get_n_pages (self->flow);

  add_letter_sets (self);

  before = cw_page_flow_get_n_pages (self->flow);
  cw_pack_add_envelopes (self);
  self->n_envelope_pages = cw_page_flow_get_n_pages (self->flow) - before;

  return cw_page_flow_get_n_pages (self->flow);
}

static void
cw_meeting_pack_draw_page (CwDocument *document,
                           cairo_t    *cr,
                           guint       page)
{
  CwMeetingPack *self = CW_MEETING_PACK (document);

  g_return_if_fail (self->flow != NULL);
  g_return_if_fail (page < cw_page_flow_get_n_pages (self->flow));

  cw_page_flow_draw_page (self->flow, cr, page);
}

static void
cw_meeting_pack_document_init (CwDocumentInterface *iface)
{
  iface->paginate = cw_meeting_pack_paginate;
  iface->draw_page = cw_meeting_pack_draw_page;
}

/* GObject */

static void
cw_meeting_pack_finalize (GObject *object)
{
  CwMeetingPack *self = CW_MEETING_PACK (object);

  clear_pagination (self);
  g_clear_pointer (&self->profile, cw_profile_free);
  g_clear_pointer (&self->cases, g_ptr_array_unref);

  G_OBJECT_CLASS (cw_meeting_pack_parent_class)->finalize (object);
}

static void
cw_meeting_pack_class_init (CwMeetingPackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cw_meeting_pack_finalize;
}

static void
cw_meeting_pack_init (CwMeetingPack *self)
{
  self->cases = g_ptr_array_new_with_free_func ((GDestroyNotify) pack_case_free);
  self->copies = 1;
}

/* Public API */

/**
 * cw_meeting_pack_new:
 * @profile: the group's; its address heads the letters, its paper size
 *   sizes the pages
 * @date: the meeting's day, the letters' date
 * @copies: how many members write each letter
 */
CwMeetingPack *
cw_meeting_pack_new (const CwProfile *profile,
                     const CwDate    *date,
                     guint            copies)
{
  CwMeetingPack *self;

  g_return_val_if_fail (profile != NULL, NULL);
  g_return_val_if_fail (date != NULL && date->precision == CW_DATE_PRECISION_DAY, NULL);

  self = g_object_new (CW_TYPE_MEETING_PACK, NULL);
  self->profile = cw_profile_copy (profile);
  self->date = *date;
  self->copies = MAX (copies, 1);
  return self;
}

/**
 * cw_meeting_pack_add_case:
 * @kase: a case with its details
 * @roles: which of its targets get letters
 * @templates: (element-type CwLetterTemplate): to choose bodies from
 *
 * Adds the case's briefing and letters. Refuses, and adds nothing, where
 * @roles asks for solidarity mail the case does not allow.
 */
gboolean
cw_meeting_pack_add_case (CwMeetingPack  *self,
                          CwCase         *kase,
                          CwLetterRoles   roles,
                          GPtrArray      *templates,
                          GError        **error)
{
  GPtrArray *letters;
  CwPackCase *pack_case;

  g_return_val_if_fail (CW_IS_MEETING_PACK (self), FALSE);
  g_return_val_if_fail (CW_IS_CASE (kase), FALSE);

  letters = cw_letters_for_case (kase, roles, self->profile, templates, &self->date, error);
  if (letters == NULL)
    return FALSE;

  pack_case = g_new0 (CwPackCase, 1);
  pack_case->kase = g_object_ref (kase);
  pack_case->letters = letters;
  g_ptr_array_add (self->cases, pack_case);
  clear_pagination (self);
  return TRUE;
}

/**
 * cw_meeting_pack_new_from_store:
 * @case_ids: (nullable): the cases; %NULL for those a meeting on @date
 *   writes for by default (see cw_meeting_propose_cases())
 *
 * Returns: (transfer full) (nullable): the pack, or %NULL with @error set:
 *   a case that does not exist, solidarity mail a case does not allow
 */
CwMeetingPack *
cw_meeting_pack_new_from_store (CwStore             *store,
                                const char * const  *case_ids,
                                CwLetterRoles        roles,
                                guint                copies,
                                const CwDate        *date,
                                GError             **error)
{
  g_autoptr(CwProfile) profile = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(CwMeetingPack) self = NULL;
  g_auto(GStrv) proposed = NULL;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  if (case_ids == NULL)
    {
      proposed = cw_meeting_propose_cases (store, date, error);
      if (proposed == NULL)
        return NULL;
      case_ids = (const char * const *) proposed;
    }

  profile = cw_store_load_profile (store, error);
  templates = profile != NULL ? cw_store_list_letter_templates_with_bundled (store, error) : NULL;
  if (templates == NULL)
    return NULL;

  self = cw_meeting_pack_new (profile, date, copies);
  for (guint i = 0; case_ids[i] != NULL; i++)
    {
      g_autoptr(CwCase) kase = cw_store_load_case (store, case_ids[i], error);

      if (kase == NULL || !cw_meeting_pack_add_case (self, kase, roles, templates, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * cw_meeting_pack_set_member_address:
 *
 * Whether each member writes their own address on their letters, rather
 * than the group's printed one.
 */
void
cw_meeting_pack_set_member_address (CwMeetingPack *self,
                                    gboolean       member_address)
{
  g_return_if_fail (CW_IS_MEETING_PACK (self));

  self->member_address = !!member_address;
  clear_pagination (self);
}

gboolean
cw_meeting_pack_get_member_address (CwMeetingPack *self)
{
  g_return_val_if_fail (CW_IS_MEETING_PACK (self), FALSE);
  return self->member_address;
}

guint
cw_meeting_pack_get_copies (CwMeetingPack *self)
{
  g_return_val_if_fail (CW_IS_MEETING_PACK (self), 0);
  return self->copies;
}

const CwDate *
cw_meeting_pack_get_date (CwMeetingPack *self)
{
  g_return_val_if_fail (CW_IS_MEETING_PACK (self), NULL);
  return &self->date;
}

const char *
cw_meeting_pack_get_paper_size (CwMeetingPack *self)
{
  g_return_val_if_fail (CW_IS_MEETING_PACK (self), NULL);
  return self->profile->paper_size;
}

guint
cw_meeting_pack_get_n_cases (CwMeetingPack *self)
{
  g_return_val_if_fail (CW_IS_MEETING_PACK (self), 0);
  return self->cases->len;
}

CwCase *
cw_meeting_pack_get_case (CwMeetingPack *self,
                          guint          index)
{
  g_return_val_if_fail (CW_IS_MEETING_PACK (self), NULL);
  g_return_val_if_fail (index < self->cases->len, NULL);
  return ((CwPackCase *) g_ptr_array_index (self->cases, index))->kase;
}

/**
 * cw_meeting_pack_get_letters:
 *
 * Returns: (transfer container) (element-type CwLetter): each letter once,
 *   in print order
 */
GPtrArray *
cw_meeting_pack_get_letters (CwMeetingPack *self)
{
  GPtrArray *letters = g_ptr_array_new ();

  g_return_val_if_fail (CW_IS_MEETING_PACK (self), letters);

  for (guint i = 0; i < self->cases->len; i++)
    {
      CwPackCase *pack_case = g_ptr_array_index (self->cases, i);

      for (guint j = 0; j < pack_case->letters->len; j++)
        g_ptr_array_add (letters, g_ptr_array_index (pack_case->letters, j));
    }
  return letters;
}

/**
 * cw_meeting_pack_count_letters:
 * @case_id: (nullable): one case, or %NULL for all
 *
 * Returns: how many letters are printed: letters times copies
 */
guint
cw_meeting_pack_count_letters (CwMeetingPack *self,
                               const char    *case_id)
{
  guint count = 0;

  g_return_val_if_fail (CW_IS_MEETING_PACK (self), 0);

  for (guint i = 0; i < self->cases->len; i++)
    {
      CwPackCase *pack_case = g_ptr_array_index (self->cases, i);

      if (case_id == NULL || g_strcmp0 (cw_case_get_id (pack_case->kase), case_id) == 0)
        count += pack_case->letters->len;
    }
  return count * self->copies;
}

/**
 * cw_meeting_pack_get_notes:
 *
 * Returns: (transfer full): the notes to the holder, once each, each
 *   naming its case and its recipient
 */
GStrv
cw_meeting_pack_get_notes (CwMeetingPack *self)
{
  g_autoptr(GStrvBuilder) notes = g_strv_builder_new ();
  g_autoptr(GPtrArray) letters = NULL;

  g_return_val_if_fail (CW_IS_MEETING_PACK (self), NULL);

  if (!self->member_address && (self->profile->name == NULL || *self->profile->name == '\0') &&
      (self->profile->address == NULL || *self->profile->address == '\0'))
    g_strv_builder_add (notes, _("The letters carry no sender: add the group’s name and address "
                                 "in Preferences, or leave lines for each member’s own."));

  letters = cw_meeting_pack_get_letters (self);
  for (guint i = 0; i < letters->len; i++)
    {
      CwLetter *letter = g_ptr_array_index (letters, i);
      const char *to = letter->recipient[0] != NULL ? letter->recipient[0] : "";

      g_autofree char *note = NULL;

      if (letter->note == NULL)
        continue;
      note = g_strdup_printf (_("%s, to %s: %s"), letter->case_title, to, letter->note);
      g_strv_builder_add (notes, note);
    }
  return g_strv_builder_end (notes);
}

guint
cw_meeting_pack_get_n_briefing_pages (CwMeetingPack *self)
{
  g_return_val_if_fail (CW_IS_MEETING_PACK (self), 0);
  return self->n_briefing_pages;
}

/* After paginate(): how many pages the pack has. */
guint
cw_meeting_pack_get_n_pages (CwMeetingPack *self)
{
  g_return_val_if_fail (CW_IS_MEETING_PACK (self), 0);
  return self->flow != NULL ? cw_page_flow_get_n_pages (self->flow) : 0;
}

guint
cw_meeting_pack_get_n_envelope_pages (CwMeetingPack *self)
{
  g_return_val_if_fail (CW_IS_MEETING_PACK (self), 0);
  return self->n_envelope_pages;
}

/**
 * cw_meeting_pack_get_page_layouts:
 *
 * Returns: (transfer container) (element-type PangoLayout): the text laid
 *   out on @page by the last paginate()
 */
GPtrArray *
cw_meeting_pack_get_page_layouts (CwMeetingPack *self,
                                  guint          page)
{
  g_return_val_if_fail (CW_IS_MEETING_PACK (self), NULL);
  g_return_val_if_fail (self->flow != NULL, NULL);
  return cw_page_flow_get_layouts (self->flow, page);
}

static gboolean
write_pack_cb (GOutputStream  *out,
               gpointer        data,
               GError        **error)
{
  CwMeetingPack *self = data;
  g_autofree char *date = cw_date_format_display (&self->date);
  /* Translators: the title of a meeting pack's PDF: "Meeting of 3 December 2026" */
  g_autofree char *title = g_strdup_printf (_("Meeting of %s"), date);

  return cw_document_write_pdf (CW_DOCUMENT (self), self->profile->paper_size, title, out, error);
}

/**
 * cw_meeting_pack_write_pdf_file:
 *
 * Writes the pack as a PDF on the group's paper. @file is replaced only
 * once every page is written; on failure it is left as it was, and a new
 * one is not left behind.
 */
gboolean
cw_meeting_pack_write_pdf_file (CwMeetingPack  *self,
                                GFile          *file,
                                GError        **error)
{
  g_return_val_if_fail (CW_IS_MEETING_PACK (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return cw_output_file_write (file, G_FILE_CREATE_NONE, write_pack_cb, self, error);
}
