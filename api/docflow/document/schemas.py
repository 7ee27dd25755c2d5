from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema
from typing_extensions import TypeAliasType

from docflow.job.schemas import JobRead
from docflow.schemas import StoredJson

# A key left out of the answer (never null): `x: T | Absent = None` documents an optional `T`.
Absent = SkipJsonSchema[None]


class DocumentSummary(BaseModel):
    # Every field is in every answer, defaults too (a generated client then types them required).
    model_config = ConfigDict(
        from_attributes=True, json_schema_serialization_defaults_required=True
    )

    id: uuid.UUID
    original_filename: str
    mime_type: str
    file_size: int
    sha256: str
    uploaded_at: datetime
    current_status: str
    duplicate_of: uuid.UUID | None
    # Another document of the workspace with the same vendor, invoice number and total (the
    # earliest uploaded one): probably the same invoice, which must not be paid twice.
    possible_duplicate_of: uuid.UUID | None = None


# The extraction's JSON columns, as the worker writes them and a review stores them. They are only
# documented through these models (StoredJson): answers carry each row exactly as stored.
class FieldSourceRead(BaseModel):
    """Where a value was found: its page and box, and its span in `raw_text`. Results of the
    first extractor carry only the span. A value read from an e-invoice's XML names its element
    (`xpath`), plus the page and box where the same value is printed, if it is."""

    page: int | Absent = Field(default=None, description="1-based page number")
    box: tuple[float, float, float, float] | Absent = Field(
        default=None,
        description="[x0, y0, x1, y1] on that page, normalised to 0..1 from the top-left corner",
    )
    span: tuple[int, int] | Absent = Field(
        default=None, description="[start, end) character offsets in the extraction's raw_text"
    )
    xpath: str | Absent = Field(
        default=None,
        description="e-invoices: the XML element the value was read from, an absolute XPath with "
        "the standards' prefixes (rsm/ram/udt for CII, ubl/cac/cbc for UBL)",
    )


class FieldWarningRead(BaseModel):
    """Something the reviewer should check about a field's value."""

    code: Literal["printed_value_differs"] = Field(
        description="`printed_value_differs`: an e-invoice PDF prints another value than its XML "
        "(the XML's value is kept)"
    )
    message: str = Field(description="Human-readable, safe to show.")
    printed_value: str | None = Field(
        description="the value the printed document shows, null when it shows none"
    )


class ExtractedFieldRead(BaseModel):
    value: str | None = Field(description="null when nothing was found")
    confidence: float = Field(ge=0, le=1, description="0 when value is null")
    source: FieldSourceRead | None
    warning: FieldWarningRead | Absent = Field(
        default=None, description="present only when the reviewer should check this field"
    )


class ExtractedFieldsRead(BaseModel):
    vendor_name: ExtractedFieldRead
    invoice_number: ExtractedFieldRead
    invoice_date: ExtractedFieldRead = Field(description="value: ISO YYYY-MM-DD")
    total_amount: ExtractedFieldRead = Field(description="value: decimal string, '.' separator")
    tax_amount: ExtractedFieldRead = Field(description="value: decimal string, '.' separator")
    currency: ExtractedFieldRead = Field(description="value: ISO 4217 code")
    status: ExtractedFieldRead = Field(description="the invoice's own status, e.g. paid/due")


class XmlValueRead(BaseModel):
    value: str
    source: FieldSourceRead


class LineItemRead(BaseModel):
    """One invoice line as the e-invoice states it; a key is left out when the XML lacks it."""

    id: str | Absent = Field(default=None, description="line identifier (BT-126)")
    description: str | Absent = Field(default=None, description="item name (BT-153)")
    quantity: str | Absent = Field(default=None, description="decimal string (BT-129)")
    unit_code: str | Absent = Field(default=None, description="UN/ECE rec. 20 unit (BT-130)")
    unit_price: str | Absent = Field(default=None, description="net price, decimal (BT-146)")
    net_amount: str | Absent = Field(default=None, description="line net amount (BT-131)")
    tax_rate: str | Absent = Field(default=None, description="VAT rate in percent (BT-152)")
    source: FieldSourceRead = Field(description="the line's element (`xpath`)")


class EInvoiceRead(BaseModel):
    """What an e-invoice's XML adds beyond the fields (present only for e-invoices)."""

    syntax: Literal["UBL", "CII"]
    profile: str | None = Field(description="specification identifier (BT-24)")
    attachment: str | None = Field(
        description="the PDF attachment's file name; null for an uploaded XML"
    )
    due_date: XmlValueRead | None = Field(description="payment due date (BT-9), ISO YYYY-MM-DD")
    amount_due: XmlValueRead | None = Field(description="amount due for payment (BT-115)")
    line_items: list[LineItemRead]


class StructuredOutputRead(BaseModel):
    """`structured_output_json`: what extraction found, per field."""

    document_type: str = Field(description="invoice, receipt, credit_note or other")
    fields: ExtractedFieldsRead
    einvoice: EInvoiceRead | Absent = Field(
        default=None,
        description="e-invoices only (an uploaded UBL/CII XML, or a PDF carrying one): its "
        "fields are read from the XML with confidence 1.0",
    )


class ReviewedFieldsRead(BaseModel):
    """Only the fields a reviewer set: a string, or null where the reviewer cleared the field."""

    vendor_name: str | None = None
    invoice_number: str | None = None
    invoice_date: str | None = None
    total_amount: str | None = None
    tax_amount: str | None = None
    currency: str | None = None
    status: str | None = None


class ReviewedOutputRead(BaseModel):
    """`reviewed_output_json`: the reviewer's corrections over the extracted values."""

    fields: ReviewedFieldsRead


class ExtractionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    document_type: str
    page_count: int
    parse_method: str
    structured_output_json: Annotated[dict[str, Any], StoredJson(StructuredOutputRead)]
    reviewed_output_json: Annotated[dict[str, Any], StoredJson(ReviewedOutputRead)] | None
    is_finalized: bool
    finalized_at: datetime | None
    updated_at: datetime
    version: int
    raw_text: str


class DocumentPreviewRead(BaseModel):
    """A server-rendered image of the document's first page, to show at once (and to reserve its
    space) while the full document viewer loads."""

    url: str = Field(description="Where to GET the image (`/api/documents/{id}/preview`)")
    width: int = Field(description="pixels")
    height: int = Field(description="pixels")
    media_type: str = Field(description="`image/webp` (or `image/png`)")


class DocumentRead(DocumentSummary):
    job: JobRead | None
    extraction: ExtractionRead | None
    preview: DocumentPreviewRead | None = Field(
        description="null when there is none: not a PDF, not parsed yet, or the page could not "
        "be rendered (its URL would answer 404)"
    )


SORT_KEYS = ("uploaded_at", "filename", "status", "vendor", "total", "invoice_date")
SortKey = Literal["uploaded_at", "filename", "status", "vendor", "total", "invoice_date"]


@dataclass(frozen=True)
class DocumentFilters:
    """What `GET /documents` (and the bulk export) select. `uploaded_to` is exclusive."""

    q: str | None = None
    statuses: tuple[str, ...] = ()
    finalized: bool | None = None
    uploaded_from: datetime | None = None
    uploaded_to: datetime | None = None


@dataclass(frozen=True)
class DocumentOrder:
    key: SortKey = "uploaded_at"
    descending: bool = True

    @property
    def param(self) -> str:
        return ("-" if self.descending else "") + self.key


@dataclass(frozen=True)
class DocumentQuery:
    filters: DocumentFilters = field(default_factory=DocumentFilters)
    order: DocumentOrder = field(default_factory=DocumentOrder)
    limit: int = 50
    cursor: str | None = None


class DocumentListItem(DocumentSummary):
    vendor_name: str | None
    invoice_number: str | None
    invoice_date: date | None
    total_amount: Decimal | None
    currency: str | None
    is_finalized: bool
    job: JobRead | None


class DocumentList(BaseModel):
    model_config = ConfigDict(json_schema_serialization_defaults_required=True)

    items: list[DocumentListItem]
    next_cursor: str | None
    # Documents per status under the current filters except `status` (so the dashboard's status
    # tabs show what each tab would hold); statuses with no documents are 0.
    counts: dict[str, int]
    # True when a search (`q`) matched more than 1,000 documents: counting stopped there, so each
    # count is a lower bound (show "1,000+"). Without `q` the counts are always exact.
    counts_capped: bool = False


# The upload's answer leaves out every null (at any depth), so its document and job spell the
# nullable fields as optional keys.
class UploadDocumentRead(DocumentSummary):
    model_config = ConfigDict(json_schema_serialization_defaults_required=False)

    duplicate_of: uuid.UUID | Absent = None
    possible_duplicate_of: uuid.UUID | Absent = None


class UploadJobRead(JobRead):
    error_message: str | Absent = None
    started_at: datetime | Absent = None
    completed_at: datetime | Absent = None


class UploadAccepted(BaseModel):
    filename: str
    status: Literal["accepted"]
    document: UploadDocumentRead
    job: UploadJobRead
    duplicate_of: uuid.UUID | Absent = Field(
        default=None, description="An earlier document of the workspace with the same bytes"
    )


class UploadError(BaseModel):
    code: str
    message: str


class UploadRejected(BaseModel):
    filename: str
    status: Literal["rejected"]
    error: UploadError


UploadItem = TypeAliasType(
    "UploadItem", Annotated[UploadAccepted | UploadRejected, Field(discriminator="status")]
)


class UploadResult(BaseModel):
    items: list[UploadItem]
