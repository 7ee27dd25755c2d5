// Generated from the API's OpenAPI document by scripts/gen-api.mjs: do not edit.

export interface paths {
    "/api/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Audit Events
         * @description The workspace's account administration trail, newest first (admins only).
         */
        get: operations["users-list_audit_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Login
         * @description Sign in with email and password: sets the HttpOnly session cookie and returns the CSRF
         *     token to send in X-CSRF-Token.
         */
        post: operations["auth-login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Logout
         * @description End the current session (cookie). Bearer callers revoke tokens: DELETE /api/tokens/{id}.
         */
        post: operations["auth-logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Me */
        get: operations["auth-me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Documents */
        get: operations["documents-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{document_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Document */
        get: operations["documents-get"];
        put?: never;
        post?: never;
        /** Delete Document */
        delete: operations["documents-delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{document_id}/export/csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export Csv */
        get: operations["documents-export_csv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{document_id}/export/json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export Json */
        get: operations["documents-export_json"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{document_id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download File */
        get: operations["documents-download_file"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{document_id}/finalize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finalize Document */
        post: operations["documents-finalize"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{document_id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Document History */
        get: operations["documents-history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{document_id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Preview */
        get: operations["documents-get_preview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{document_id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Review Document */
        put: operations["documents-review"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload Documents */
        post: operations["documents-upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Workspace Events */
        get: operations["events-list_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Latest Seq
         * @description The workspace's highest seq: read it before reading data, then resume the live stream (or
         *     poll) from it, and nothing that happened after the data was read is missed.
         */
        get: operations["events-latest_seq"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Bulk Export
         * @description Every finalized document matching the list's filters (`q`, `status`, `finalized`,
         *     `uploaded_from`, `uploaded_to`) in the list's `sort`, streamed.
         */
        get: operations["exports-bulk"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Health */
        get: operations["health-live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Job */
        get: operations["jobs-get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{job_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel Job */
        post: operations["jobs-cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{job_id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Job Events */
        get: operations["events-list_job_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{job_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retry Job */
        post: operations["jobs-retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{job_id}/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Job Event Stream */
        get: operations["events-stream_job"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ready */
        get: operations["health-ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Tokens */
        get: operations["auth-list_tokens"];
        put?: never;
        /** Create Token */
        post: operations["auth-create_token"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/{token_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke Token */
        delete: operations["auth-revoke_token"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Users */
        get: operations["users-list"];
        put?: never;
        /** Create User */
        post: operations["users-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get User */
        get: operations["users-get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update User
         * @description Change role or display name, or deactivate (`is_active: false`) / reactivate a user.
         */
        patch: operations["users-update"];
        trace?: never;
    };
    "/api/users/{user_id}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List User Tokens */
        get: operations["users-list_tokens"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{user_id}/tokens/{token_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke User Token */
        delete: operations["users-revoke_token"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** AuditEventRead */
        AuditEventRead: {
            /** Action */
            action: string;
            /** Actor Id */
            actor_id: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Data */
            data: {
                [key: string]: unknown;
            };
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Target Id */
            target_id: string | null;
            /** Target Type */
            target_type: string;
        };
        /** DocumentList */
        DocumentList: {
            /** Counts */
            counts: {
                [key: string]: number;
            };
            /**
             * Counts Capped
             * @default false
             */
            counts_capped: boolean;
            /** Items */
            items: components["schemas"]["DocumentListItem"][];
            /** Next Cursor */
            next_cursor: string | null;
        };
        /** DocumentListItem */
        DocumentListItem: {
            /** Currency */
            currency: string | null;
            /** Current Status */
            current_status: string;
            /** Duplicate Of */
            duplicate_of: string | null;
            /** File Size */
            file_size: number;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Invoice Date */
            invoice_date: string | null;
            /** Invoice Number */
            invoice_number: string | null;
            /** Is Finalized */
            is_finalized: boolean;
            job: components["schemas"]["JobRead"] | null;
            /** Mime Type */
            mime_type: string;
            /** Original Filename */
            original_filename: string;
            /** Possible Duplicate Of */
            possible_duplicate_of: string | null;
            /** Sha256 */
            sha256: string;
            /** Total Amount */
            total_amount: string | null;
            /**
             * Uploaded At
             * Format: date-time
             */
            uploaded_at: string;
            /** Vendor Name */
            vendor_name: string | null;
        };
        /**
         * DocumentPreviewRead
         * @description A server-rendered image of the document's first page, to show at once (and to reserve its
         *     space) while the full document viewer loads.
         */
        DocumentPreviewRead: {
            /**
             * Height
             * @description pixels
             */
            height: number;
            /**
             * Media Type
             * @description `image/webp` (or `image/png`)
             */
            media_type: string;
            /**
             * Url
             * @description Where to GET the image (`/api/documents/{id}/preview`)
             */
            url: string;
            /**
             * Width
             * @description pixels
             */
            width: number;
        };
        /** DocumentRead */
        DocumentRead: {
            /** Current Status */
            current_status: string;
            /** Duplicate Of */
            duplicate_of: string | null;
            extraction: components["schemas"]["ExtractionRead"] | null;
            /** File Size */
            file_size: number;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            job: components["schemas"]["JobRead"] | null;
            /** Mime Type */
            mime_type: string;
            /** Original Filename */
            original_filename: string;
            /** Possible Duplicate Of */
            possible_duplicate_of: string | null;
            /** @description null when there is none: not a PDF, not parsed yet, or the page could not be rendered (its URL would answer 404) */
            preview: components["schemas"]["DocumentPreviewRead"] | null;
            /** Sha256 */
            sha256: string;
            /**
             * Uploaded At
             * Format: date-time
             */
            uploaded_at: string;
        };
        /**
         * EInvoiceRead
         * @description What an e-invoice's XML adds beyond the fields (present only for e-invoices).
         */
        EInvoiceRead: {
            /** @description amount due for payment (BT-115) */
            amount_due: components["schemas"]["XmlValueRead"] | null;
            /**
             * Attachment
             * @description the PDF attachment's file name; null for an uploaded XML
             */
            attachment: string | null;
            /** @description payment due date (BT-9), ISO YYYY-MM-DD */
            due_date: components["schemas"]["XmlValueRead"] | null;
            /** Line Items */
            line_items: components["schemas"]["LineItemRead"][];
            /**
             * Profile
             * @description specification identifier (BT-24)
             */
            profile: string | null;
            /**
             * Syntax
             * @enum {string}
             */
            syntax: "UBL" | "CII";
        };
        /**
         * ErrorEnvelope
         * @description Every error answer: `{"error": {"code", "message", "details"}}`.
         */
        ErrorEnvelope: {
            error: components["schemas"]["ErrorRead"];
        };
        /** ErrorRead */
        ErrorRead: {
            /**
             * Code
             * @description Machine-readable, e.g. `not_found`, `invalid_state`.
             */
            code: string;
            /**
             * Details
             * @description null, or what the code needs: `validation_error` lists the fields ([{field, message, type?}]); others carry an object (e.g. {status}).
             */
            details: unknown;
            /**
             * Message
             * @description Human-readable, safe to show.
             */
            message: string;
        };
        /**
         * EventPage
         * @description One page, ascending by seq: ask again with `after=last_seq` while `has_more` is true.
         */
        EventPage: {
            /**
             * Has More
             * @default false
             */
            has_more: boolean;
            /** Items */
            items: components["schemas"]["EventRead"][];
            /** Last Seq */
            last_seq: number | null;
        };
        /**
         * EventRead
         * @description The event envelope: identical on Redis, WebSocket, SSE and polling.
         */
        EventRead: {
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Attempt */
            attempt: number;
            /**
             * Data
             * @default {}
             */
            data: {
                [key: string]: unknown;
            };
            /**
             * Document Id
             * Format: uuid
             */
            document_id: string;
            /**
             * Job Id
             * Format: uuid
             */
            job_id: string;
            /** Progress */
            progress: number;
            /** Seq */
            seq: number;
            /** Stage */
            stage: string;
            /** Status */
            status: string;
            /** Type */
            type: string;
        };
        /** ExportDocumentRead */
        ExportDocumentRead: {
            /** Document Type */
            document_type: string;
            /** File Size */
            file_size: number;
            /** Filename */
            filename: string;
            /** Id */
            id: string;
            /** Mime Type */
            mime_type: string;
            /** Page Count */
            page_count: number;
            /** Sha256 */
            sha256: string;
            /**
             * Uploaded At
             * @description UTC, microseconds, 'Z'
             */
            uploaded_at: string;
        };
        /**
         * ExportFieldsRead
         * @description The final value of each field: the reviewer's correction over the extracted value.
         */
        ExportFieldsRead: {
            /** Currency */
            currency: string | null;
            /** Invoice Date */
            invoice_date: string | null;
            /** Invoice Number */
            invoice_number: string | null;
            /** Status */
            status: string | null;
            /** Tax Amount */
            tax_amount: string | null;
            /** Total Amount */
            total_amount: string | null;
            /** Vendor Name */
            vendor_name: string | null;
        };
        /** ExportRecordRead */
        ExportRecordRead: {
            document: components["schemas"]["ExportDocumentRead"];
            fields: components["schemas"]["ExportFieldsRead"];
            /**
             * Finalized At
             * @description UTC, microseconds, 'Z'
             */
            finalized_at: string;
            /** Finalized By */
            finalized_by: string | null;
            /**
             * Schema
             * @description docflow.finalized/1
             */
            schema: string;
            /** Version */
            version: number;
        };
        /** ExtractedFieldRead */
        ExtractedFieldRead: {
            /**
             * Confidence
             * @description 0 when value is null
             */
            confidence: number;
            source: components["schemas"]["FieldSourceRead"] | null;
            /**
             * Value
             * @description null when nothing was found
             */
            value: string | null;
            /**
             * Warning
             * @description present only when the reviewer should check this field
             */
            warning?: components["schemas"]["FieldWarningRead"];
        };
        /** ExtractedFieldsRead */
        ExtractedFieldsRead: {
            /** @description value: ISO 4217 code */
            currency: components["schemas"]["ExtractedFieldRead"];
            /** @description value: ISO YYYY-MM-DD */
            invoice_date: components["schemas"]["ExtractedFieldRead"];
            invoice_number: components["schemas"]["ExtractedFieldRead"];
            /** @description the invoice's own status, e.g. paid/due */
            status: components["schemas"]["ExtractedFieldRead"];
            /** @description value: decimal string, '.' separator */
            tax_amount: components["schemas"]["ExtractedFieldRead"];
            /** @description value: decimal string, '.' separator */
            total_amount: components["schemas"]["ExtractedFieldRead"];
            vendor_name: components["schemas"]["ExtractedFieldRead"];
        };
        /** ExtractionRead */
        ExtractionRead: {
            /** Document Type */
            document_type: string;
            /** Finalized At */
            finalized_at: string | null;
            /** Is Finalized */
            is_finalized: boolean;
            /** Page Count */
            page_count: number;
            /** Parse Method */
            parse_method: string;
            /** Raw Text */
            raw_text: string;
            /** Reviewed Output Json */
            reviewed_output_json: components["schemas"]["ReviewedOutputRead"] | null;
            /** Structured Output Json */
            structured_output_json: components["schemas"]["StructuredOutputRead"];
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Version */
            version: number;
        };
        /** FieldChangeList */
        FieldChangeList: {
            /** Items */
            items: components["schemas"]["FieldChangeRead"][];
        };
        /** FieldChangeRead */
        FieldChangeRead: {
            /**
             * Action
             * @enum {string}
             */
            action: "edit" | "finalize";
            /**
             * Changed At
             * Format: date-time
             */
            changed_at: string;
            /** Extracted Value */
            extracted_value: string | null;
            /** Field */
            field: string | null;
            /** Id */
            id: number;
            /** New Value */
            new_value: string | null;
            /** Old Value */
            old_value: string | null;
            /** User Id */
            user_id: string | null;
            /** Version */
            version: number;
        };
        /**
         * FieldSourceRead
         * @description Where a value was found: its page and box, and its span in `raw_text`. Results of the
         *     first extractor carry only the span. A value read from an e-invoice's XML names its element
         *     (`xpath`), plus the page and box where the same value is printed, if it is.
         */
        FieldSourceRead: {
            /**
             * Box
             * @description [x0, y0, x1, y1] on that page, normalised to 0..1 from the top-left corner
             */
            box?: [
                number,
                number,
                number,
                number
            ];
            /**
             * Page
             * @description 1-based page number
             */
            page?: number;
            /**
             * Span
             * @description [start, end) character offsets in the extraction's raw_text
             */
            span?: [
                number,
                number
            ];
            /**
             * Xpath
             * @description e-invoices: the XML element the value was read from, an absolute XPath with the standards' prefixes (rsm/ram/udt for CII, ubl/cac/cbc for UBL)
             */
            xpath?: string;
        };
        /**
         * FieldWarningRead
         * @description Something the reviewer should check about a field's value.
         */
        FieldWarningRead: {
            /**
             * Code
             * @description `printed_value_differs`: an e-invoice PDF prints another value than its XML (the XML's value is kept)
             * @constant
             */
            code: "printed_value_differs";
            /**
             * Message
             * @description Human-readable, safe to show.
             */
            message: string;
            /**
             * Printed Value
             * @description the value the printed document shows, null when it shows none
             */
            printed_value: string | null;
        };
        /** HealthRead */
        HealthRead: {
            /**
             * Status
             * @constant
             */
            status: "ok";
        };
        /** JobRead */
        JobRead: {
            /** Attempt */
            attempt: number;
            /** Completed At */
            completed_at: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Current Stage */
            current_stage: string;
            /**
             * Document Id
             * Format: uuid
             */
            document_id: string;
            /** Error Message */
            error_message: string | null;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Progress Percentage */
            progress_percentage: number;
            /** Retry Count */
            retry_count: number;
            /** Started At */
            started_at: string | null;
            /** Status */
            status: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * LatestSeq
         * @description The highest event seq the caller's workspace has (0: none yet). Read before a set of data,
         *     it is the point to resume the stream from (`after`) to learn everything that came after it:
         *     seq order is commit order, so no event below it can still appear.
         */
        LatestSeq: {
            /** Seq */
            seq: number;
        };
        /**
         * LineItemRead
         * @description One invoice line as the e-invoice states it; a key is left out when the XML lacks it.
         */
        LineItemRead: {
            /**
             * Description
             * @description item name (BT-153)
             */
            description?: string;
            /**
             * Id
             * @description line identifier (BT-126)
             */
            id?: string;
            /**
             * Net Amount
             * @description line net amount (BT-131)
             */
            net_amount?: string;
            /**
             * Quantity
             * @description decimal string (BT-129)
             */
            quantity?: string;
            /** @description the line's element (`xpath`) */
            source: components["schemas"]["FieldSourceRead"];
            /**
             * Tax Rate
             * @description VAT rate in percent (BT-152)
             */
            tax_rate?: string;
            /**
             * Unit Code
             * @description UN/ECE rec. 20 unit (BT-130)
             */
            unit_code?: string;
            /**
             * Unit Price
             * @description net price, decimal (BT-146)
             */
            unit_price?: string;
        };
        /** LoginRequest */
        LoginRequest: {
            /** Email */
            email: string;
            /** Password */
            password: string;
        };
        /**
         * MeRead
         * @description The signed-in caller. `csrf_token` (cookie sessions only) goes in `X-CSRF-Token` on every
         *     POST/PUT/PATCH/DELETE.
         */
        MeRead: {
            /** Csrf Token */
            csrf_token: string | null;
            /** Permissions */
            permissions: string[];
            user: components["schemas"]["UserRead"];
            /**
             * Via
             * @enum {string}
             */
            via: "session" | "token";
            workspace: components["schemas"]["WorkspaceRead"];
        };
        /**
         * ReadinessChecksRead
         * @description Whether each dependency answered.
         */
        ReadinessChecksRead: {
            /** Broker */
            broker: boolean;
            /** Postgres */
            postgres: boolean;
            /** Redis */
            redis: boolean;
        };
        /** ReadinessRead */
        ReadinessRead: {
            checks: components["schemas"]["ReadinessChecksRead"];
            /**
             * Status
             * @constant
             */
            status: "ready";
        };
        /**
         * ReviewedFieldsRead
         * @description Only the fields a reviewer set: a string, or null where the reviewer cleared the field.
         */
        ReviewedFieldsRead: {
            /** Currency */
            currency?: string | null;
            /** Invoice Date */
            invoice_date?: string | null;
            /** Invoice Number */
            invoice_number?: string | null;
            /** Status */
            status?: string | null;
            /** Tax Amount */
            tax_amount?: string | null;
            /** Total Amount */
            total_amount?: string | null;
            /** Vendor Name */
            vendor_name?: string | null;
        };
        /**
         * ReviewedOutputRead
         * @description `reviewed_output_json`: the reviewer's corrections over the extracted values.
         */
        ReviewedOutputRead: {
            fields: components["schemas"]["ReviewedFieldsRead"];
        };
        /**
         * ReviewUpdate
         * @description A partial edit: only the fields sent change; a null value clears a field.
         */
        ReviewUpdate: {
            /**
             * Fields
             * @description Field name → corrected value (a string) or null. Fields: vendor_name, invoice_number, invoice_date (YYYY-MM-DD), total_amount, tax_amount (decimal strings, '.' separator, at most the currency's minor units), currency (ISO 4217), status.
             */
            fields: {
                [key: string]: string | null;
            };
        };
        /**
         * StructuredOutputRead
         * @description `structured_output_json`: what extraction found, per field.
         */
        StructuredOutputRead: {
            /**
             * Document Type
             * @description invoice, receipt, credit_note or other
             */
            document_type: string;
            /**
             * Einvoice
             * @description e-invoices only (an uploaded UBL/CII XML, or a PDF carrying one): its fields are read from the XML with confidence 1.0
             */
            einvoice?: components["schemas"]["EInvoiceRead"];
            fields: components["schemas"]["ExtractedFieldsRead"];
        };
        /** TokenCreate */
        TokenCreate: {
            /** Name */
            name: string;
        };
        /** TokenCreated */
        TokenCreated: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Last Used At */
            last_used_at: string | null;
            /** Name */
            name: string;
            /** Prefix */
            prefix: string;
            /** Revoked At */
            revoked_at: string | null;
            /**
             * Token
             * @description The secret. Shown once; store it now.
             */
            token: string;
        };
        /** TokenRead */
        TokenRead: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Last Used At */
            last_used_at: string | null;
            /** Name */
            name: string;
            /** Prefix */
            prefix: string;
            /** Revoked At */
            revoked_at: string | null;
        };
        /** UploadAccepted */
        UploadAccepted: {
            document: components["schemas"]["UploadDocumentRead"];
            /**
             * Duplicate Of
             * Format: uuid
             * @description An earlier document of the workspace with the same bytes
             */
            duplicate_of?: string;
            /** Filename */
            filename: string;
            job: components["schemas"]["UploadJobRead"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            status: "accepted";
        };
        /** UploadDocumentRead */
        UploadDocumentRead: {
            /** Current Status */
            current_status: string;
            /**
             * Duplicate Of
             * Format: uuid
             */
            duplicate_of?: string;
            /** File Size */
            file_size: number;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Mime Type */
            mime_type: string;
            /** Original Filename */
            original_filename: string;
            /**
             * Possible Duplicate Of
             * Format: uuid
             */
            possible_duplicate_of?: string;
            /** Sha256 */
            sha256: string;
            /**
             * Uploaded At
             * Format: date-time
             */
            uploaded_at: string;
        };
        /** UploadError */
        UploadError: {
            /** Code */
            code: string;
            /** Message */
            message: string;
        };
        UploadItem: components["schemas"]["UploadAccepted"] | components["schemas"]["UploadRejected"];
        /** UploadJobRead */
        UploadJobRead: {
            /** Attempt */
            attempt: number;
            /**
             * Completed At
             * Format: date-time
             */
            completed_at?: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Current Stage */
            current_stage: string;
            /**
             * Document Id
             * Format: uuid
             */
            document_id: string;
            /** Error Message */
            error_message?: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Progress Percentage */
            progress_percentage: number;
            /** Retry Count */
            retry_count: number;
            /**
             * Started At
             * Format: date-time
             */
            started_at?: string;
            /** Status */
            status: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** UploadRejected */
        UploadRejected: {
            error: components["schemas"]["UploadError"];
            /** Filename */
            filename: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            status: "rejected";
        };
        /** UploadResult */
        UploadResult: {
            /** Items */
            items: components["schemas"]["UploadItem"][];
        };
        /** UserCreate */
        UserCreate: {
            /** Display Name */
            display_name?: string | null;
            /** Email */
            email: string;
            /**
             * Password
             * @description Leave out to have a temporary password generated (returned once).
             */
            password?: string | null;
            /**
             * Role
             * @default reviewer
             * @enum {string}
             */
            role: "admin" | "reviewer" | "viewer";
        };
        /** UserCreated */
        UserCreated: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Deactivated At */
            deactivated_at: string | null;
            /** Display Name */
            display_name: string | null;
            /** Email */
            email: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Is Active */
            is_active: boolean;
            /** Last Login At */
            last_login_at: string | null;
            /**
             * Role
             * @enum {string}
             */
            role: "admin" | "reviewer" | "viewer";
            /**
             * Temporary Password
             * @description Only when no password was given. Shown once; pass it on now.
             */
            temporary_password: string | null;
            /**
             * Workspace Id
             * Format: uuid
             */
            workspace_id: string;
        };
        /** UserRead */
        UserRead: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Deactivated At */
            deactivated_at: string | null;
            /** Display Name */
            display_name: string | null;
            /** Email */
            email: string;
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Is Active */
            is_active: boolean;
            /** Last Login At */
            last_login_at: string | null;
            /**
             * Role
             * @enum {string}
             */
            role: "admin" | "reviewer" | "viewer";
            /**
             * Workspace Id
             * Format: uuid
             */
            workspace_id: string;
        };
        /** UserUpdate */
        UserUpdate: {
            /** Display Name */
            display_name?: string | null;
            /**
             * Is Active
             * @description false deactivates: the user's sessions and API tokens stop working at once.
             */
            is_active?: boolean | null;
            /** Role */
            role?: ("admin" | "reviewer" | "viewer") | null;
        };
        /** VersionConflictDetails */
        VersionConflictDetails: {
            /** @description The server's copy now (its ETag is the header) */
            current: components["schemas"]["DocumentRead"];
            /** Version */
            version: number;
        };
        /**
         * VersionConflictEnvelope
         * @description 412: the If-Match version is stale; the answer carries the current server copy.
         */
        VersionConflictEnvelope: {
            error: components["schemas"]["VersionConflictError"];
        };
        /** VersionConflictError */
        VersionConflictError: {
            /**
             * Code
             * @constant
             */
            code: "version_conflict";
            details: components["schemas"]["VersionConflictDetails"];
            /** Message */
            message: string;
        };
        /** WorkspaceRead */
        WorkspaceRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
        };
        /** XmlValueRead */
        XmlValueRead: {
            source: components["schemas"]["FieldSourceRead"];
            /** Value */
            value: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "users-list_audit_events": {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventRead"][];
                };
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Only admins manage users (`forbidden`), or a cookie request failed its checks */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request is invalid (`validation_error`: details list the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "auth-login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Signed in: the session cookie is set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeRead"];
                };
            };
            /** @description Wrong email or password (`invalid_credentials`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Requests from this origin are not allowed (`origin_not_allowed`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request body came too slowly (`request_timeout`): send it again */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request is invalid (`validation_error`: details list the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too many attempts (`rate_limited`): wait for Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "auth-logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The role may not do this (`forbidden`), or a cookie request failed the Origin (`origin_not_allowed`) or CSRF (`csrf_failed`) check */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "auth-me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeRead"];
                };
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The role may not do this (`forbidden`), or a cookie request failed the Origin (`origin_not_allowed`) or CSRF (`csrf_failed`) check */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "documents-list": {
        parameters: {
            query?: {
                cursor?: string | null;
                finalized?: boolean | null;
                limit?: number;
                /** @description Substring of filename, vendor or invoice number */
                q?: string | null;
                /** @description uploaded_at, filename, status, vendor, total or invoice_date; prefix '-' for descending */
                sort?: string;
                /** @description Repeatable */
                status?: ("queued" | "processing" | "completed" | "failed" | "cancelled" | "finalized")[] | null;
                /** @description Inclusive; ISO date or date-time */
                uploaded_from?: string | null;
                /** @description Exclusive; ISO date-time, or a date (that whole day included) */
                uploaded_to?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentList"];
                };
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The role may not do this (`forbidden`), or a cookie request failed the Origin (`origin_not_allowed`) or CSRF (`csrf_failed`) check */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request is invalid (`validation_error`: details list the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "documents-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                document_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The extraction's version, quoted */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentRead"];
                };
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The role may not do this (`forbidden`), or a cookie request failed the Origin (`origin_not_allowed`) or CSRF (`csrf_failed`) check */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found in the caller's workspace (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request is invalid (`validation_error`: details list the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "documents-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                document_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted: its file, job, events and results are gone */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Viewers may not delete (`forbidden`), or a cookie request failed the Origin (`origin_not_allowed`) or CSRF (`csrf_failed`) check */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found in the caller's workspace, or already deleted (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The document is finalized and the caller is not an admin (`invalid_state`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request is invalid (`validation_error`: details list the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "documents-export_csv": {
        parameters: {
            query?: never;
            header?: {
                "if-none-match"?: string | null;
            };
            path: {
                document_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The finalized record as a header row and one row, a download */
            200: {
                headers: {
                    /** @description attachment; filename=… */
                    "Content-Disposition"?: string;
                    /** @description Of these bytes (send it as If-None-Match) */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Not modified: If-None-Match names these bytes */
            304: {
                headers: {
                    /** @description attachment; filename=… */
                    "Content-Disposition"?: string;
                    /** @description Of these bytes (send it as If-None-Match) */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The role may not do this (`forbidden`), or a cookie request failed the Origin (`origin_not_allowed`) or CSRF (`csrf_failed`) check */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found in the caller's workspace (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The document is not finalized (`invalid_state`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request is invalid (`validation_error`: details list the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "documents-export_json": {
        parameters: {
            query?: never;
            header?: {
                "if-none-match"?: string | null;
            };
            path: {
                document_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The finalized record, a download (deterministic bytes) */
            200: {
                headers: {
                    /** @description attachment; filename=… */
                    "Content-Disposition"?: string;
                    /** @description Of these bytes (send it as If-None-Match) */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExportRecordRead"];
                };
            };
            /** @description Not modified: If-None-Match names these bytes */
            304: {
                headers: {
                    /** @description attachment; filename=… */
                    "Content-Disposition"?: string;
                    /** @description Of these bytes (send it as If-None-Match) */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The role may not do this (`forbidden`), or a cookie request failed the Origin (`origin_not_allowed`) or CSRF (`csrf_failed`) check */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found in the caller's workspace (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The document is not finalized (`invalid_state`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request is invalid (`validation_error`: details list the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "documents-download_file": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                document_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The original file, as an attachment, in its own media type */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The role may not do this (`forbidden`), or a cookie request failed the Origin (`origin_not_allowed`) or CSRF (`csrf_failed`) check */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found in the caller's workspace (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request is invalid (`validation_error`: details list the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "documents-finalize": {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string | null;
                /** @description Optional: finalize only this version */
                "if-match"?: string | null;
            };
            path: {
                document_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document as GET /documents/{id} shows it now */
            200: {
                headers: {
                    /** @description The version, quoted */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentRead"];
                };
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The role may not do this (`forbidden`), or a cookie request failed the Origin (`origin_not_allowed`) or CSRF (`csrf_failed`) check */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found in the caller's workspace (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not completed, or already finalized (`invalid_state`); or a request with this Idempotency-Key is still being processed (`conflict`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description If-Match is stale (`version_conflict`): details.current is the server's copy, the ETag header its version */
            412: {
                headers: {
                    /** @description The version, quoted */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionConflictEnvelope"];
                };
            };
            /** @description A field is invalid (`validation_error`: details list the fields), or the Idempotency-Key was used for another request (`idempotency_key_reused`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "documents-history": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                document_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldChangeList"];
                };
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The role may not do this (`forbidden`), or a cookie request failed the Origin (`origin_not_allowed`) or CSRF (`csrf_failed`) check */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found in the caller's workspace (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request is invalid (`validation_error`: details list the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "documents-get_preview": {
        parameters: {
            query?: never;
            header?: {
                "if-none-match"?: string | null;
            };
            path: {
                document_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An image of the document's first page (WebP, or PNG), the size `preview` in the document states */
            200: {
                headers: {
                    /** @description The image's SHA-256, quoted */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                    "image/webp": string;
                };
            };
            /** @description `If-None-Match` names the current image */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The role may not do this (`forbidden`), or a cookie request failed the Origin (`origin_not_allowed`) or CSRF (`csrf_failed`) check */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found in the caller's workspace (`not_found`), or the document has no preview (not a PDF, not parsed yet, the page could not be rendered): its `preview` is null */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request is invalid (`validation_error`: details list the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "documents-review": {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string | null;
                "if-match"?: string | null;
            };
            path: {
                document_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewUpdate"];
            };
        };
        responses: {
            /** @description The document as GET /documents/{id} shows it now */
            200: {
                headers: {
                    /** @description The version, quoted */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentRead"];
                };
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The role may not do this (`forbidden`), or a cookie request failed the Origin (`origin_not_allowed`) or CSRF (`csrf_failed`) check */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found in the caller's workspace (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request body came too slowly (`request_timeout`): send it again */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not completed, or already finalized (`invalid_state`); or a request with this Idempotency-Key is still being processed (`conflict`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description If-Match is stale (`version_conflict`): details.current is the server's copy, the ETag header its version */
            412: {
                headers: {
                    /** @description The version, quoted */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionConflictEnvelope"];
                };
            };
            /** @description Too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A field is invalid (`validation_error`: details list the fields), or the Idempotency-Key was used for another request (`idempotency_key_reused`) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description If-Match is missing (`precondition_required`) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "documents-upload": {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    files: string[];
                };
            };
        };
        responses: {
            /** @description Each file accepted (document and queued job) or rejected */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadResult"];
                };
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The role may not do this (`forbidden`), or a cookie request failed the Origin (`origin_not_allowed`) or CSRF (`csrf_failed`) check */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request body came too slowly (`request_timeout`): send it again */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A request with this Idempotency-Key is still being processed (`conflict`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too large for the per-file limit, or too many files (`payload_too_large`); when every file is rejected, the first file's reason with details.items listing each file's {filename, status, error} */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Unsupported file type (`unsupported_media_type`), also an XML that is not a UBL 2.1 or UN/CEFACT CII e-invoice; when every file is rejected, the first file's reason with details.items listing each file's {filename, status, error} */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not a multipart body with files, an empty file (`empty_file`), an XML declaring a DTD (`unsafe_xml`), or the Idempotency-Key reused for another file (`idempotency_key_reused`); when every file is rejected, the first file's reason with details.items listing each file's {filename, status, error} */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The user already has `DOCFLOW_MAX_CONCURRENT_UPLOADS_PER_USER` uploads running (`too_many_uploads`): send it again after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description No room to store the file right now (`insufficient_storage`): keep it and retry later */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "events-list_events": {
        parameters: {
            query?: {
                after?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPage"];
                };
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The role may not do this (`forbidden`), or a cookie request failed the Origin (`origin_not_allowed`) or CSRF (`csrf_failed`) check */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request is invalid (`validation_error`: details list the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "events-latest_seq": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LatestSeq"];
                };
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The role may not do this (`forbidden`), or a cookie request failed the Origin (`origin_not_allowed`) or CSRF (`csrf_failed`) check */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "exports-bulk": {
        parameters: {
            query?: {
                finalized?: boolean | null;
                format?: "csv" | "json" | "ndjson";
                /** @description Substring of filename, vendor or invoice number */
                q?: string | null;
                /** @description uploaded_at, filename, status, vendor, total or invoice_date; prefix '-' for descending */
                sort?: string;
                /** @description Repeatable */
                status?: ("queued" | "processing" | "completed" | "failed" | "cancelled" | "finalized")[] | null;
                /** @description Inclusive; ISO date or date-time */
                uploaded_from?: string | null;
                /** @description Exclusive; ISO date-time, or a date (that whole day included) */
                uploaded_to?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every matching finalized record, streamed as a download */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                    "application/x-ndjson": unknown;
                    "text/csv": unknown;
                };
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The role may not do this (`forbidden`), or a cookie request failed the Origin (`origin_not_allowed`) or CSRF (`csrf_failed`) check */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request is invalid (`validation_error`: details list the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "health-live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthRead"];
                };
            };
        };
    };
    "jobs-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobRead"];
                };
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The role may not do this (`forbidden`), or a cookie request failed the Origin (`origin_not_allowed`) or CSRF (`csrf_failed`) check */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found in the caller's workspace (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request is invalid (`validation_error`: details list the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "jobs-cancel": {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string | null;
            };
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobRead"];
                };
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The role may not do this (`forbidden`), or a cookie request failed the Origin (`origin_not_allowed`) or CSRF (`csrf_failed`) check */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found in the caller's workspace (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed in the job's state (`invalid_state`), or a request with this Idempotency-Key is still being processed (`conflict`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request is invalid (`validation_error`: details list the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "events-list_job_events": {
        parameters: {
            query?: {
                after?: number;
                limit?: number;
            };
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPage"];
                };
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The role may not do this (`forbidden`), or a cookie request failed the Origin (`origin_not_allowed`) or CSRF (`csrf_failed`) check */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found in the caller's workspace (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request is invalid (`validation_error`: details list the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "jobs-retry": {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string | null;
            };
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobRead"];
                };
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The role may not do this (`forbidden`), or a cookie request failed the Origin (`origin_not_allowed`) or CSRF (`csrf_failed`) check */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found in the caller's workspace (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not allowed in the job's state (`invalid_state`), or a request with this Idempotency-Key is still being processed (`conflict`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request is invalid (`validation_error`: details list the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "events-stream_job": {
        parameters: {
            query?: {
                after?: number;
            };
            header?: {
                "last-event-id"?: string | null;
            };
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server-Sent Events: `id` the seq, `event` the type, `data` the envelope (as polling returns it); `: ping` heartbeats */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": unknown;
                };
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The role may not do this (`forbidden`), or a cookie request failed the Origin (`origin_not_allowed`) or CSRF (`csrf_failed`) check */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found in the caller's workspace (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request is invalid (`validation_error`: details list the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "health-ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessRead"];
                };
            };
            /** @description A dependency is down (`not_ready`): details.checks names which */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "auth-list_tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenRead"][];
                };
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The role may not do this (`forbidden`), or a cookie request failed the Origin (`origin_not_allowed`) or CSRF (`csrf_failed`) check */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "auth-create_token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenCreated"];
                };
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The role may not do this (`forbidden`), or a cookie request failed the Origin (`origin_not_allowed`) or CSRF (`csrf_failed`) check */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request body came too slowly (`request_timeout`): send it again */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request is invalid (`validation_error`: details list the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "auth-revoke_token": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenRead"];
                };
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The role may not do this (`forbidden`), or a cookie request failed the Origin (`origin_not_allowed`) or CSRF (`csrf_failed`) check */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found in the caller's workspace (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request is invalid (`validation_error`: details list the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "users-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRead"][];
                };
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Only admins manage users (`forbidden`), or a cookie request failed its checks */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "users-create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserCreated"];
                };
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Only admins manage users (`forbidden`), or a cookie request failed its checks */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request body came too slowly (`request_timeout`): send it again */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A user with this email already exists (`email_taken`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request is invalid (`validation_error`: details list the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "users-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRead"];
                };
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Only admins manage users (`forbidden`), or a cookie request failed its checks */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found in the caller's workspace (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request is invalid (`validation_error`: details list the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "users-update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRead"];
                };
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Only admins manage users (`forbidden`), or a cookie request failed its checks */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found in the caller's workspace (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request body came too slowly (`request_timeout`): send it again */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The workspace needs at least one active admin (`last_admin`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Too large (`payload_too_large`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request is invalid (`validation_error`: details list the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "users-list_tokens": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenRead"][];
                };
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Only admins manage users (`forbidden`), or a cookie request failed its checks */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found in the caller's workspace (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request is invalid (`validation_error`: details list the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    "users-revoke_token": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token_id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenRead"];
                };
            };
            /** @description No valid credentials (`unauthorized`): sign in or send a Bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Only admins manage users (`forbidden`), or a cookie request failed its checks */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Not found in the caller's workspace (`not_found`) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description The request is invalid (`validation_error`: details list the fields) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description A dependency is unavailable right now (`service_unavailable`): retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
}
