/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-casefile-writer"

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "cw-casefile-writer.h"
#include "cw-date.h"
#include "cw-output-file.h"
#include "cw-store-private.h"

/*
 * Writes casefile documents (see casefile-format.md and data/casefile.rng).
 *
 * The document is streamed: each case goes out as soon as it is added, so
 * an export of the whole database holds one case in memory at a time.
 * Output is deterministic: attributes and elements always come in the
 * format's order and the timeline is sorted, so the same data gives the
 * same bytes, and an export, import and export again gives the same file.
 *
 * libxml2's writer writes everything but the timeline entries, which are
 * most of a document: those the writer serializes itself, straight into
 * libxml2's output buffer, byte for byte as libxml2 would have written
 * them (tests/test-casefile-writer.c holds the two to the same bytes).
 */

/* One level of indentation; entries are at the third level of the
 * document, inside <casefile> and <case>. */
#define INDENT "  "
#define ENTRY_INDENT INDENT INDENT

struct _CwCasefileWriter
{
  GOutputStream *out;
  xmlOutputBufferPtr buffer;  /* libxml2's, which the entries are written into */
  xmlTextWriterPtr xml;       /* writes into buffer */
  GString *scratch;           /* entries on their way to buffer */
  CwCasefileScope scope;
  const char *case_label;   /* the case being written, for messages */
  gsize written;            /* bytes handed to @out so far */
  gsize max_bytes;          /* no more than this: what the reader would refuse */
  GError *error;            /* the first failure; nothing is written after it */
  guint n_cases;
  gboolean finished;
  gboolean discard;         /* being freed: libxml2's leftovers are dropped */
};

/* Output */

static void
fail (CwCasefileWriter *self,
      GError           *error)
{
  if (self->error == NULL)
    self->error = error;
  else
    g_error_free (error);
}

/* libxml2 hands over its buffer here. A failure is kept to be reported
 * by the writer's own calls, and libxml2 is told that all went well: told
 * otherwise, it would print an I/O error of its own on standard error.
 * Once the document has failed, the rest of it is dropped. */
static int
write_cb (void       *context,
          const char *buffer,
          int         len)
{
  CwCasefileWriter *self = context;
  GError *error = NULL;

  if (self->discard || self->error != NULL)
    return len;

  /* A document Casework would refuse to read back is not written. */
  if (self->written + (gsize) len > self->max_bytes)
    {
      fail (self, g_error_new (CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_TOO_LARGE,
                               _("The casefile would be larger than the %" G_GSIZE_FORMAT " MiB "
                                 "Casework reads back; export fewer cases at a time"),
                               self->max_bytes / (1024 * 1024)));
      return len;
    }
  self->written += (gsize) len;

  if (!g_output_stream_write_all (self->out, buffer, (gsize) len, NULL, NULL, &error))
    {
      g_prefix_error (&error, _("Could not write the casefile: "));
      fail (self, error);
    }

  return len;
}

/* A libxml2 call that failed without a stream error: out of memory, or
 * a bug in the order of calls. */
static void
check_rc (CwCasefileWriter *self,
          int               rc)
{
  if (rc < 0 && self->error == NULL)
    fail (self, g_error_new_literal (CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_IO,
                                     _("Could not write the casefile")));
}

/* XML 1.0 cannot carry invalid UTF-8 or most control characters, and
 * libxml2's writer does not check: such text would make a document that
 * no reader accepts. */
static gboolean
utf8_is_xml (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        return FALSE;
    }

  return TRUE;
}

/* Most text is ASCII, which is checked a byte at a time; from the first
 * byte that is not, the rest is checked as UTF-8. */
static gboolean
text_is_xml (const char *text)
{
  const guchar *p = (const guchar *) text;

  for (; *p != '\0'; p++)
    {
      if (*p >= 0x80)
        return utf8_is_xml ((const char *) p);
      if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
        return FALSE;
    }

  return TRUE;
}

static void
fail_text (CwCasefileWriter *self)
{
  if (self->case_label != NULL)
    fail (self, g_error_new (CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_VALUE,
                             _("“%s” cannot be exported: some of its text has characters "
                               "a casefile cannot hold"), self->case_label));
  else
    fail (self, g_error_new_literal (CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_VALUE,
                                     _("The casefile cannot be written: the generator or "
                                       "source has characters a casefile cannot hold")));
}

static gboolean
check_text (CwCasefileWriter *self,
            const char       *text)
{
  if (text_is_xml (text))
    return TRUE;

  fail_text (self);
  return FALSE;
}

static void
start (CwCasefileWriter *self,
       const char       *name)
{
  check_rc (self, xmlTextWriterStartElement (self->xml, BAD_CAST name));
}

static void
end (CwCasefileWriter *self)
{
  check_rc (self, xmlTextWriterEndElement (self->xml));
}

/* A NULL value is a field the case does not have: nothing is written. */
static void
attribute (CwCasefileWriter *self,
           const char       *name,
           const char       *value)
{
  if (value == NULL || !check_text (self, value))
    return;
  check_rc (self, xmlTextWriterWriteAttribute (self->xml, BAD_CAST name, BAD_CAST value));
}

static void
text (CwCasefileWriter *self,
      const char       *value)
{
  if (!check_text (self, value))
    return;
  check_rc (self, xmlTextWriterWriteString (self->xml, BAD_CAST value));
}

static void
element (CwCasefileWriter *self,
         const char       *name,
         const char       *value)
{
  if (value == NULL)
    return;
  start (self, name);
  text (self, value);
  end (self);
}

/* For elements the format requires: an unset one is written empty. */
static void
required_element (CwCasefileWriter *self,
                  const char       *name,
                  const char       *value)
{
  element (self, name, value != NULL ? value : "");
}

static void
elements (CwCasefileWriter *self,
          const char       *name,
          GPtrArray        *values)
{
  for (guint i = 0; i < values->len; i++)
    element (self, name, g_ptr_array_index (values, i));
}

static gboolean
report (CwCasefileWriter  *self,
        GError           **error)
{
  if (self->error == NULL)
    return TRUE;

  g_propagate_error (error, g_error_copy (self->error));
  return FALSE;
}

/* What a case must have for the format to carry it. The case is checked
 * before any of it is written, so a refused case leaves no trace in the
 * document and the writer can go on with the next one. */

static gboolean
is_blank (const char *value)
{
  return value == NULL || *value == '\0';
}

static const char *
case_label (CwCase *kase)
{
  const char *title = cw_case_get_title (kase);

  return !is_blank (title) ? title : cw_case_get_id (kase);
}

static gboolean G_GNUC_PRINTF (3, 4)
refuse (GError     **error,
        CwCase      *kase,
        const char  *format,
        ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_INCOMPLETE,
               _("“%s” cannot be exported: %s"), case_label (kase), reason);
  return FALSE;
}

static gboolean
check_people (CwCase  *kase,
              GError **error)
{
  GPtrArray *people = cw_case_get_people (kase);

  for (guint i = 0; i < people->len; i++)
    if (is_blank (((CwPerson *) g_ptr_array_index (people, i))->name))
      return refuse (error, kase, _("one of its people has no name"));

  return TRUE;
}

/* An explanation is written after the value ("restricted: ..."), so it
 * cannot go without one. */
static gboolean
check_detention (CwCase  *kase,
                 GError **error)
{
  CwDetention *detention = cw_case_get_detention (kase);

  if (detention == NULL)
    return TRUE;

  if (detention->legal_access == NULL && !is_blank (detention->legal_access_note))
    return refuse (error, kase, _("access to a lawyer has a note but no yes, no or restricted"));
  if (detention->family_access == NULL && !is_blank (detention->family_access_note))
    return refuse (error, kase, _("access to family has a note but no yes, no or restricted"));

  return TRUE;
}

static gboolean
check_contacts (CwCase  *kase,
                GError **error)
{
  CwContact *coordinator = cw_case_get_coordinator (kase);
  GPtrArray *holders = cw_case_get_holders (kase);

  if (coordinator != NULL && is_blank (coordinator->name))
    return refuse (error, kase, _("the coordinator has no name"));

  for (guint i = 0; i < holders->len; i++)
    {
      CwContact *holder = g_ptr_array_index (holders, i);

      if (is_blank (holder->name))
        return refuse (error, kase, _("a casefile holder has no name"));
      if (is_blank (holder->from))
        return refuse (error, kase, _("the casefile holder “%s” has no start date"), holder->name);
    }

  return TRUE;
}

static const char *
target_label (CwTarget *target)
{
  if (!is_blank (target->name))
    return target->name;
  if (!is_blank (target->title))
    return target->title;
  return !is_blank (target->organisation) ? target->organisation : _("(unnamed)");
}

static gboolean
check_targets (CwCase  *kase,
               GError **error)
{
  GPtrArray *targets = cw_case_get_targets (kase);

  for (guint i = 0; i < targets->len; i++)
    {
      CwTarget *target = g_ptr_array_index (targets, i);

      if (target->address == NULL || target->address[0] == NULL)
        return refuse (error, kase, _("the letter target “%s” has no address"),
                       target_label (target));
      if (is_blank (target->salutation))
        return refuse (error, kase, _("the letter target “%s” has no salutation"),
                       target_label (target));
    }

  return TRUE;
}

/* Private entries are the group's own. */
static gboolean
row_is_written (CwCasefileWriter *self,
                const CwEntryRow *row)
{
  return !(self->scope == CW_CASEFILE_SCOPE_PUBLIC && row->is_private);
}

static gboolean
check_entries (CwCasefileWriter  *self,
               CwCase            *kase,
               const CwEntryRow  *rows,
               guint              n_rows,
               GError           **error)
{
  for (guint i = 0; i < n_rows; i++)
    {
      if (!row_is_written (self, &rows[i]))
        continue;
      if (is_blank (rows[i].id) || is_blank (rows[i].date))
        return refuse (error, kase, _("a timeline entry has no id or no date"));
    }

  return TRUE;
}

static gboolean
check_case (CwCasefileWriter  *self,
            CwCase            *kase,
            const CwEntryRow  *rows,
            guint              n_rows,
            GError           **error)
{
  if (is_blank (cw_case_get_id (kase)))
    return refuse (error, kase, _("it has no id"));
  if (is_blank (cw_case_get_country_code (kase)))
    return refuse (error, kase, _("it has no country code"));
  if (cw_case_get_closed (kase) != NULL && cw_case_get_closed_outcome (kase) == NULL)
    return refuse (error, kase, _("it has a closing date but no outcome"));

  return check_people (kase, error) &&
         check_detention (kase, error) &&
         check_contacts (kase, error) &&
         check_targets (kase, error) &&
         check_entries (self, kase, rows, n_rows, error);
}

/* The parts of a case, each in the format's order. */

static void
write_references (CwCasefileWriter *self,
                  GPtrArray        *references)
{
  for (guint i = 0; i < references->len; i++)
    {
      CwReference *reference = g_ptr_array_index (references, i);

      start (self, "reference");
      attribute (self, "scheme", reference->scheme);
      text (self, reference->value != NULL ? reference->value : "");
      end (self);
    }
}

static void
write_urgent_action (CwCasefileWriter *self,
                     CwCase           *kase)
{
  const char *number = cw_case_get_ua_number (kase);
  const char *issued = cw_case_get_ua_issued (kase);
  const char *deadline = cw_case_get_ua_deadline (kase);
  guint sequence = cw_case_get_ua_sequence (kase);
  g_autofree char *sequence_text = NULL;

  if (number == NULL && issued == NULL && deadline == NULL && sequence == 0)
    return;

  /* 0 is "not set": the format counts from 1, the first UA. */
  if (sequence > 0)
    sequence_text = g_strdup_printf ("%u", sequence);

  start (self, "urgent-action");
  attribute (self, "number", number);
  attribute (self, "issued", issued);
  attribute (self, "deadline", deadline);
  attribute (self, "sequence", sequence_text);
  end (self);
}

static void
write_country (CwCasefileWriter *self,
               CwCase           *kase)
{
  const char *name = cw_case_get_country_name (kase);

  start (self, "country");
  attribute (self, "code", cw_case_get_country_code (kase));
  text (self, name != NULL ? name : "");
  end (self);
}

/* A case can be closed before anyone wrote down when: then there is
 * nothing the format can carry. */
static void
write_closed (CwCasefileWriter *self,
              CwCase           *kase)
{
  const char *closed = cw_case_get_closed (kase);

  if (closed == NULL)
    return;

  start (self, "closed");
  attribute (self, "outcome", cw_case_get_closed_outcome (kase));
  text (self, closed);
  end (self);
}

static void
write_people (CwCasefileWriter *self,
              GPtrArray        *people)
{
  for (guint i = 0; i < people->len; i++)
    {
      CwPerson *person = g_ptr_array_index (people, i);

      start (self, "person");
      attribute (self, "role", person->role);
      element (self, "name", person->name);
      element (self, "other-names", person->other_names);
      element (self, "pronouns", person->pronouns);
      element (self, "gender", person->gender);
      element (self, "born", person->born);
      element (self, "occupation", person->occupation);
      element (self, "notes", person->notes);
      end (self);
    }
}

/* "yes", "no" or "restricted", then ": explanation" if there is one (see
 * the note at the top of data/casefile.rng). */
static void
write_access (CwCasefileWriter *self,
              const char       *name,
              const char       *value,
              const char       *note)
{
  g_autofree char *explanation = NULL;
  g_autofree char *content = NULL;

  if (value == NULL)
    return;

  /* The reader trims the explanation; a blank one is no explanation. */
  explanation = g_strstrip (g_strdup (note != NULL ? note : ""));
  if (*explanation != '\0')
    content = g_strdup_printf ("%s: %s", value, explanation);
  else
    content = g_strdup (value);

  element (self, name, content);
}

static void
write_detention (CwCasefileWriter *self,
                 CwDetention      *detention)
{
  if (detention == NULL)
    return;

  start (self, "detention");
  element (self, "place", detention->place);
  element (self, "arrested", detention->arrested);
  element (self, "charges", detention->charges);
  element (self, "sentence", detention->sentence);
  element (self, "health", detention->health);
  write_access (self, "legal-access", detention->legal_access, detention->legal_access_note);
  write_access (self, "family-access", detention->family_access, detention->family_access_note);
  end (self);
}

/* Safety notes never leave the group; the public-action and solidarity
 * rules do, since whoever gets the case next must follow them. */
static void
write_safety (CwCasefileWriter *self,
              CwCase           *kase)
{
  const char *public_action = cw_case_get_public_action (kase);
  const char *solidarity = cw_case_get_solidarity (kase);
  GPtrArray *notes = cw_case_get_safety_notes (kase);
  gboolean with_notes = self->scope == CW_CASEFILE_SCOPE_FULL && notes->len > 0;

  /* An empty <safety/> in a public document would only say that there
   * are notes being kept back. */
  if (public_action == NULL && solidarity == NULL && !with_notes)
    return;

  start (self, "safety");
  attribute (self, "public-action", public_action);
  attribute (self, "solidarity", solidarity);
  if (with_notes)
    elements (self, "note", notes);
  end (self);
}

static void
write_address (CwCasefileWriter   *self,
               const char * const *lines)
{
  if (lines == NULL || lines[0] == NULL)
    return;

  start (self, "address");
  for (guint i = 0; lines[i] != NULL; i++)
    element (self, "line", lines[i]);
  end (self);
}

typedef enum {
  CONTACT_COORDINATOR,
  CONTACT_HOLDER,
} ContactKind;

/* Contact content: name, role, organisation, email, phone, address,
 * notes. A public document names holders and nothing more, and gives no
 * way to reach the coordinator directly. */
static void
write_contact (CwCasefileWriter *self,
               CwContact        *contact,
               ContactKind       kind)
{
  gboolean is_public = self->scope == CW_CASEFILE_SCOPE_PUBLIC;
  gboolean details = !(is_public && kind == CONTACT_HOLDER);
  gboolean reach = !is_public;

  if (kind == CONTACT_HOLDER)
    {
      start (self, "holder");
      attribute (self, "from", contact->from);
      attribute (self, "to", contact->to);
    }
  else
    {
      start (self, "coordinator");
    }

  element (self, "name", contact->name);
  if (details)
    {
      element (self, "role", contact->role);
      element (self, "organisation", contact->organisation);
    }
  if (details && reach)
    {
      element (self, "email", contact->email);
      element (self, "phone", contact->phone);
    }
  if (details)
    {
      write_address (self, (const char * const *) contact->address);
      element (self, "notes", contact->notes);
    }
  end (self);
}

static void
write_contacts (CwCasefileWriter *self,
                CwCase           *kase)
{
  CwContact *coordinator = cw_case_get_coordinator (kase);
  GPtrArray *holders = cw_case_get_holders (kase);

  if (coordinator != NULL)
    write_contact (self, coordinator, CONTACT_COORDINATOR);
  for (guint i = 0; i < holders->len; i++)
    write_contact (self, g_ptr_array_index (holders, i), CONTACT_HOLDER);
}

static void
write_targets (CwCasefileWriter *self,
               GPtrArray        *targets)
{
  for (guint i = 0; i < targets->len; i++)
    {
      CwTarget *target = g_ptr_array_index (targets, i);

      start (self, "target");
      attribute (self, "role", target->role);
      attribute (self, "language", target->language);
      element (self, "title", target->title);
      element (self, "name", target->name);
      element (self, "organisation", target->organisation);
      write_address (self, (const char * const *) target->address);
      element (self, "email", target->email);
      element (self, "salutation", target->salutation);
      end (self);
    }
}

static void
write_model_letters (CwCasefileWriter *self,
                     GPtrArray        *letters)
{
  for (guint i = 0; i < letters->len; i++)
    {
      CwModelLetter *letter = g_ptr_array_index (letters, i);

      start (self, "model-letter");
      attribute (self, "language", letter->language);
      text (self, letter->body != NULL ? letter->body : "");
      end (self);
    }
}

/* The timeline entries. libxml2's writer would spend more time on them
 * than reading them from the database takes; they are written here
 * instead, as libxml2 writes them: the same indentation, element text
 * escaped as xmlEncodeSpecialChars() does, attribute values as
 * xmlBufAttrSerializeTxtContent() does. */

#define SCRATCH_SIZE (64 * 1024)

/* Appends @text escaped, or returns FALSE for text XML cannot carry (see
 * text_is_xml()). */
static gboolean
append_escaped (GString    *xml,
                const char *text,
                gboolean    in_attribute)
{
  const guchar *plain = (const guchar *) text;
  gboolean utf8_checked = FALSE;

  for (const guchar *p = plain;; p++)
    {
      guchar c = *p;
      const char *escape;

      if (G_LIKELY (c >= 0x20 && c < 0x80 && c != '<' && c != '>' && c != '&' && c != '"'))
        continue;

      if (c >= 0x80)
        {
          /* Checked once, to the end, and then copied as it is. */
          if (!utf8_checked && !utf8_is_xml ((const char *) p))
            return FALSE;
          utf8_checked = TRUE;
          continue;
        }

      switch (c)
        {
        case '\0':
          g_string_append_len (xml, (const char *) plain, p - plain);
          return TRUE;
        case '<':
          escape = "&lt;";
          break;
        case '>':
          escape = "&gt;";
          break;
        case '&':
          escape = "&amp;";
          break;
        case '"':
          escape = "&quot;";
          break;
        case '\r':
          escape = "&#13;";
          break;
        case '\n':
          if (!in_attribute)
            continue;
          escape = "&#10;";
          break;
        case '\t':
          if (!in_attribute)
            continue;
          escape = "&#9;";
          break;
        default:
          /* Any other control character. */
          return FALSE;
        }

      g_string_append_len (xml, (const char *) plain, p - plain);
      g_string_append (xml, escape);
      plain = p + 1;
    }
}

/* A NULL value is a field the entry does not have: nothing is written. */
static gboolean
append_attribute (GString    *xml,
                  const char *name,
                  const char *value)
{
  if (value == NULL)
    return TRUE;

  g_string_append_c (xml, ' ');
  g_string_append (xml, name);
  g_string_append (xml, "=\"");
  if (!append_escaped (xml, value, TRUE))
    return FALSE;
  g_string_append_c (xml, '"');
  return TRUE;
}

static void
append_count (GString *xml,
              guint64  count)
{
  char digits[24];
  guint n = 0;

  do
    digits[n++] = (char) ('0' + count % 10);
  while ((count /= 10) > 0);

  g_string_append (xml, " count=\"");
  while (n > 0)
    g_string_append_c (xml, digits[--n]);
  g_string_append_c (xml, '"');
}

static gboolean
append_entry (GString          *xml,
              const CwEntryRow *row)
{
  g_string_append (xml, ENTRY_INDENT "<entry");
  if (!append_attribute (xml, "id", row->id) ||
      !append_attribute (xml, "date", row->date) ||
      !append_attribute (xml, "category", row->category) ||
      !append_attribute (xml, "kind", row->kind))
    return FALSE;
  /* A negative count is CW_ENTRY_NO_COUNT: nothing was counted. */
  if (row->count >= 0)
    append_count (xml, (guint64) row->count);
  /* private="false" is the default; leaving it out keeps documents short. */
  if (row->is_private)
    g_string_append (xml, " private=\"true\"");
  g_string_append (xml, ">\n");

  /* The title is required: an unset one is written empty. */
  g_string_append (xml, ENTRY_INDENT INDENT "<title>");
  if (!append_escaped (xml, row->title != NULL ? row->title : "", FALSE))
    return FALSE;
  g_string_append (xml, "</title>\n");

  if (row->notes != NULL)
    {
      g_string_append (xml, ENTRY_INDENT INDENT "<notes>");
      if (!append_escaped (xml, row->notes, FALSE))
        return FALSE;
      g_string_append (xml, "</notes>\n");
    }

  g_string_append (xml, ENTRY_INDENT "</entry>\n");
  return TRUE;
}

static void
write_scratch (CwCasefileWriter *self)
{
  if (self->scratch->len == 0)
    return;
  check_rc (self, xmlOutputBufferWrite (self->buffer, (int) self->scratch->len,
                                        self->scratch->str));
  g_string_truncate (self->scratch, 0);
}

/* Into libxml2's output buffer, behind its writer's back. That is sound
 * at this point: the writer has just closed an element of the case
 * (there is always a <summary>), so what it has written ends a line, and
 * it writes what comes next as it would after any closed element. */
static void
write_entries (CwCasefileWriter *self,
               const CwEntryRow *rows,
               guint             n_rows)
{
  g_string_truncate (self->scratch, 0);

  for (guint i = 0; i < n_rows && self->error == NULL; i++)
    {
      if (!row_is_written (self, &rows[i]))
        continue;

      if (!append_entry (self->scratch, &rows[i]))
        {
          g_string_truncate (self->scratch, 0);
          fail_text (self);
          return;
        }

      if (self->scratch->len >= SCRATCH_SIZE)
        write_scratch (self);
    }

  write_scratch (self);
}

static void
write_case (CwCasefileWriter *self,
            CwCase           *kase,
            const CwEntryRow *rows,
            guint             n_rows)
{
  start (self, "case");
  attribute (self, "id", cw_case_get_id (kase));
  attribute (self, "kind", cw_enum_to_nick (CW_TYPE_CASE_KIND, cw_case_get_kind (kase)));
  attribute (self, "type", cw_enum_to_nick (CW_TYPE_CASE_TYPE, cw_case_get_case_type (kase)));
  attribute (self, "status", cw_enum_to_nick (CW_TYPE_CASE_STATUS, cw_case_get_status (kase)));
  attribute (self, "modified", cw_case_get_modified (kase));

  required_element (self, "title", cw_case_get_title (kase));
  write_references (self, cw_case_get_references (kase));
  write_urgent_action (self, kase);
  write_country (self, kase);
  element (self, "region", cw_case_get_region (kase));
  elements (self, "theme", cw_case_get_themes (kase));
  element (self, "opened", cw_case_get_opened (kase));
  write_closed (self, kase);
  write_people (self, cw_case_get_people (kase));
  write_detention (self, cw_case_get_detention (kase));
  required_element (self, "summary", cw_case_get_summary (kase));
  element (self, "background", cw_case_get_background (kase));
  write_safety (self, kase);
  write_contacts (self, kase);
  write_targets (self, cw_case_get_targets (kase));
  elements (self, "recommended-action", cw_case_get_recommended_actions (kase));
  write_model_letters (self, cw_case_get_model_letters (kase));
  write_entries (self, rows, n_rows);
  end (self);
}

static void
write_prologue (CwCasefileWriter             *self,
                const CwCasefileWriteOptions *options)
{
  g_autofree char *now = NULL;
  const char *exported = options->exported;

  if (exported == NULL)
    exported = now = cw_timestamp_now ();

  check_rc (self, xmlTextWriterStartDocument (self->xml, NULL, "UTF-8", NULL));
  start (self, "casefile");
  attribute (self, "xmlns", CW_CASEFILE_NAMESPACE);
  attribute (self, "version", CW_CASEFILE_VERSION);
  attribute (self, "exported", exported);
  attribute (self, "generator",
             options->generator != NULL ? options->generator : "Casework " PACKAGE_VERSION);
  attribute (self, "scope", cw_enum_to_nick (CW_TYPE_CASEFILE_SCOPE, options->scope));

  if (options->source_organisation != NULL)
    {
      start (self, "source");
      element (self, "organisation", options->source_organisation);
      end (self);
    }
}

/**
 * cw_casefile_writer_new:
 * @out: where the document goes; the writer does not close it
 * @options: (nullable): how to write; %NULL for a full-scope document
 *   exported now
 *
 * Starts a casefile document: the XML declaration, the root element and
 * the source. Add at least one case, then call
 * cw_casefile_writer_finish().
 *
 * Returns: (transfer full) (nullable): the writer, or %NULL if @out
 *   could not be written to
 */
CwCasefileWriter *
cw_casefile_writer_new (GOutputStream                 *out,
                        const CwCasefileWriteOptions  *options,
                        GError                       **error)
{
  static const CwCasefileWriteOptions defaults = { CW_CASEFILE_SCOPE_FULL, NULL, NULL, NULL, 0 };
  g_autoptr(CwCasefileWriter) self = NULL;
  xmlOutputBufferPtr buffer;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &defaults;

  g_return_val_if_fail (options->scope == CW_CASEFILE_SCOPE_FULL ||
                        options->scope == CW_CASEFILE_SCOPE_PUBLIC, NULL);
  g_return_val_if_fail (options->exported == NULL || cw_timestamp_is_valid (options->exported),
                        NULL);

  self = g_new0 (CwCasefileWriter, 1);
  self->out = g_object_ref (out);
  self->scope = options->scope;
  self->max_bytes = options->max_bytes != 0 ? options->max_bytes : CW_CASEFILE_MAX_BYTES;
  self->scratch = g_string_sized_new (SCRATCH_SIZE + 4096);

  buffer = xmlOutputBufferCreateIO (write_cb, NULL, self, NULL);
  if (buffer != NULL)
    self->xml = xmlNewTextWriter (buffer);
  if (self->xml != NULL)
    self->buffer = buffer;
  if (self->xml == NULL)
    {
      if (buffer != NULL)
        xmlOutputBufferClose (buffer);
      g_set_error_literal (error, CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_IO,
                           _("Could not start writing the casefile"));
      return NULL;
    }

  xmlTextWriterSetIndent (self->xml, 1);
  xmlTextWriterSetIndentString (self->xml, BAD_CAST INDENT);

  write_prologue (self, options);
  /* Flushed now so that a stream that cannot be written fails here. */
  check_rc (self, xmlTextWriterFlush (self->xml));
  if (!report (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * cw_casefile_writer_add_case:
 * @kase: a case with its details loaded (see cw_store_load_case())
 * @entries: (nullable) (element-type CwEntry): the case's timeline, in any
 *   order
 *
 * Writes one case. A case the format cannot carry (no country code, a
 * holder without a start date, a letter target without an address or a
 * salutation, a person without a name, ...) is refused with
 * %CW_CASEFILE_ERROR_INCOMPLETE before any of it is written; the writer
 * can go on with another case. Any other failure, such as a full disk,
 * ends the document: every later call fails with the same error.
 */
static gboolean
add_case (CwCasefileWriter  *self,
          CwCase            *kase,
          const CwEntryRow  *rows,
          guint              n_rows,
          GError           **error)
{
  if (!report (self, error))
    return FALSE;

  if (!check_case (self, kase, rows, n_rows, error))
    return FALSE;

  self->case_label = case_label (kase);
  write_case (self, kase, rows, n_rows);
  /* Case by case, so that memory stays flat and a full disk shows early. */
  check_rc (self, xmlTextWriterFlush (self->xml));
  self->case_label = NULL;

  if (!report (self, error))
    return FALSE;

  self->n_cases++;
  return TRUE;
}

gboolean
cw_casefile_writer_add_case (CwCasefileWriter  *self,
                             CwCase            *kase,
                             GPtrArray         *entries,
                             GError           **error)
{
  g_autoptr(GArray) rows = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);
  g_return_val_if_fail (CW_IS_CASE (kase), FALSE);
  g_return_val_if_fail (cw_case_get_has_details (kase), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The entries as the store hands them to an export, in the same order;
   * the caller's array is left as it was. */
  rows = g_array_sized_new (FALSE, FALSE, sizeof (CwEntryRow), entries != NULL ? entries->len : 0);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      CwEntry *entry = g_ptr_array_index (entries, i);
      CwEntryRow row = {
        .id = cw_entry_get_id (entry),
        .date = cw_entry_get_date (entry),
        .category = cw_enum_to_nick (CW_TYPE_ENTRY_CATEGORY, cw_entry_get_category (entry)),
        .kind = cw_entry_get_kind (entry),
        .count = cw_entry_get_count (entry),
        .is_private = cw_entry_get_private (entry),
        .title = cw_entry_get_title (entry),
        .notes = cw_entry_get_notes (entry),
      };

      g_array_append_val (rows, row);
    }
  g_array_sort (rows, cw_entry_row_compare);

  return add_case (self, kase, (const CwEntryRow *) (gpointer) rows->data, rows->len, error);
}

/**
 * cw_casefile_writer_finish:
 *
 * Ends the document and flushes the stream. The stream is not closed:
 * for a file, closing it is what makes the document final, and it can
 * fail too.
 *
 * Returns: %TRUE if the whole document was written
 */
gboolean
cw_casefile_writer_finish (CwCasefileWriter  *self,
                           GError           **error)
{
  g_autoptr(GError) flush_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->finished = TRUE;

  /* The format requires at least one case. */
  if (self->error == NULL && self->n_cases == 0)
    fail (self, g_error_new_literal (CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_INCOMPLETE,
                                     _("There is no case to export")));

  if (self->error == NULL)
    {
      /* Closes the root element and ends the last line; flushes too. */
      check_rc (self, xmlTextWriterEndDocument (self->xml));
      check_rc (self, xmlTextWriterFlush (self->xml));
    }

  if (self->error == NULL && !g_output_stream_flush (self->out, NULL, &flush_error))
    {
      g_prefix_error (&flush_error, _("Could not write the casefile: "));
      fail (self, g_steal_pointer (&flush_error));
    }

  return report (self, error);
}

void
cw_casefile_writer_free (CwCasefileWriter *self)
{
  if (self == NULL)
    return;

  /* Freeing libxml2's writer flushes what it still holds; after a failure,
   * or without cw_casefile_writer_finish(), that would only append a
   * broken tail to the stream. */
  self->discard = TRUE;
  g_clear_pointer (&self->xml, xmlFreeTextWriter);
  g_clear_object (&self->out);
  g_clear_error (&self->error);
  g_string_free (self->scratch, TRUE);
  g_free (self);
}

/* Exporting from the store */

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The ids to export, sorted, each once. Every requested id is looked up
 * before anything is written, so that an unknown one fails cleanly. */
static GPtrArray *
collect_case_ids (CwStore             *store,
                  const char * const  *case_ids,
                  GError             **error)
{
  g_autoptr(GPtrArray) ids = NULL;

  if (case_ids == NULL)
    return cw_store_list_case_ids (store, error);

  ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; case_ids[i] != NULL; i++)
    {
      /* The case summary only says what went wrong. */
      if (!cw_store_has_case (store, case_ids[i]))
        {
          g_autoptr(CwCase) found = cw_store_load_case_summary (store, case_ids[i], error);

          if (found == NULL)
            return NULL;
        }
      g_ptr_array_add (ids, g_strdup (case_ids[i]));
    }

  g_ptr_array_sort (ids, compare_ids);

  /* A document that repeats an id is refused by every reader. */
  for (guint i = ids->len; i > 1; i--)
    if (strcmp (g_ptr_array_index (ids, i - 1), g_ptr_array_index (ids, i - 2)) == 0)
      g_ptr_array_remove_index (ids, i - 1);

  return g_steal_pointer (&ids);
}

/* The timeline goes from the database to the document as rows, without a
 * CwEntry for each entry. */
static gboolean
export_case (CwStore           *store,
             CwCasefileWriter  *writer,
             CwEntryRows       *rows,
             const char        *id,
             GError           **error)
{
  g_autoptr(CwCase) kase = NULL;

  kase = cw_store_load_case (store, id, error);
  if (kase == NULL)
    return FALSE;

  if (!cw_store_read_entry_rows (store, id, rows, error))
    return FALSE;

  return add_case (writer, kase, (const CwEntryRow *) (gpointer) rows->rows->data,
                   rows->rows->len, error);
}

static gboolean
export_cases (CwStore                       *store,
              const char * const            *case_ids,
              const CwCasefileWriteOptions  *options,
              GOutputStream                 *out,
              GError                       **error)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(CwCasefileWriter) writer = NULL;
  g_autoptr(CwEntryRows) rows = NULL;

  ids = collect_case_ids (store, case_ids, error);
  if (ids == NULL)
    return FALSE;

  if (ids->len == 0)
    {
      g_set_error_literal (error, CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_INCOMPLETE,
                           _("There is no case to export"));
      return FALSE;
    }

  writer = cw_casefile_writer_new (out, options, error);
  if (writer == NULL)
    return FALSE;

  rows = cw_entry_rows_new ();
  for (guint i = 0; i < ids->len; i++)
    if (!export_case (store, writer, rows, g_ptr_array_index (ids, i), error))
      return FALSE;

  return cw_casefile_writer_finish (writer, error);
}

/**
 * cw_store_export_casefile:
 * @case_ids: (nullable) (array zero-terminated=1): the cases to export;
 *   %NULL for every case
 * @options: (nullable): how to write
 * @out: where the document goes; it is flushed, not closed
 *
 * Writes a casefile document of the cases, in the order of their ids.
 * Cases are loaded, written and freed one at a time, all from one state
 * of the database. An unknown id fails with %CW_STORE_ERROR_NOT_FOUND
 * before anything is written; a case the format cannot carry fails with
 * %CW_CASEFILE_ERROR_INCOMPLETE. After any failure, what was written to
 * @out is not a usable document.
 */
gboolean
cw_store_export_casefile (CwStore                       *store,
                          const char * const            *case_ids,
                          const CwCasefileWriteOptions  *options,
                          GOutputStream                 *out,
                          GError                       **error)
{
  gboolean reading = FALSE;
  gboolean ok;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!cw_store_begin_read (store, &reading, error))
    return FALSE;
  ok = export_cases (store, case_ids, options, out, error);
  cw_store_end_read (store, reading);

  return ok;
}

typedef struct {
  CwStore *store;
  const char * const *case_ids;
  const CwCasefileWriteOptions *options;
} ExportOutput;

static gboolean
write_export_cb (GOutputStream  *out,
                 gpointer        data,
                 GError        **error)
{
  ExportOutput *output = data;

  return cw_store_export_casefile (output->store, output->case_ids, output->options, out, error);
}

/**
 * cw_store_export_casefile_to_file:
 * @file: where the document goes
 *
 * Like cw_store_export_casefile(), into a file. The file is replaced only
 * once the whole document has been written; on failure any file that was
 * there is left as it was, and a new one is not left behind.
 */
gboolean
cw_store_export_casefile_to_file (CwStore                       *store,
                                  const char * const            *case_ids,
                                  const CwCasefileWriteOptions  *options,
                                  GFile                         *file,
                                  GError                       **error)
{
  ExportOutput output = { store, case_ids, options };

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!cw_store_check_output_file (store, file, error))
    return FALSE;

  return cw_output_file_write (file, G_FILE_CREATE_PRIVATE, write_export_cb, &output, error);
}
