<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ApiError</name>
    <message>
        <source>The server is not answering. Check that it is running and that the address is right.</source>
        <translation>The server is not answering. Check that it is running and that the address is right.</translation>
    </message>
    <message>
        <source>The server&apos;s name could not be found. Check the address.</source>
        <translation>The server&apos;s name could not be found. Check the address.</translation>
    </message>
    <message>
        <source>The server took too long to answer. Try again in a moment.</source>
        <translation>The server took too long to answer. Try again in a moment.</translation>
    </message>
    <message>
        <source>The connection to the server failed. Check your network and try again.</source>
        <translation>The connection to the server failed. Check your network and try again.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified, so the connection was stopped.</source>
        <translation>The server&apos;s certificate could not be verified, so the connection was stopped.</translation>
    </message>
    <message>
        <source>Remote servers must use https://. Plain http:// is allowed only for this computer.</source>
        <translation>Remote servers must use https://. Plain http:// is allowed only for this computer.</translation>
    </message>
    <message>
        <source>The server sent an answer this version of Reserva does not understand.</source>
        <translation>The server sent an answer this version of Reserva does not understand.</translation>
    </message>
    <message>
        <source>The request was canceled.</source>
        <translation>The request was canceled.</translation>
    </message>
    <message>
        <source>The username or password is not correct.</source>
        <translation>The username or password is not correct.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Your session has ended. Please sign in again.</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this.</source>
        <translation>Your account is not allowed to do this.</translation>
    </message>
    <message>
        <source>It was not found. It may have been removed.</source>
        <translation>It was not found. It may have been removed.</translation>
    </message>
    <message>
        <source>Some of the information is not valid. Check the highlighted fields.</source>
        <translation>Some of the information is not valid. Check the highlighted fields.</translation>
    </message>
    <message>
        <source>There are not enough seats left on this departure.</source>
        <translation>There are not enough seats left on this departure.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a minute and try again.</source>
        <translation>Too many attempts. Wait a minute and try again.</translation>
    </message>
    <message>
        <source>It changed or is still being processed. Refresh and try again.</source>
        <translation>It changed or is still being processed. Refresh and try again.</translation>
    </message>
    <message>
        <source>The server is temporarily unavailable. Try again in a moment.</source>
        <translation>The server is temporarily unavailable. Try again in a moment.</translation>
    </message>
    <message>
        <source>The server could not complete the request.</source>
        <translation>The server could not complete the request.</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP %1).</source>
        <translation>The server refused the request (HTTP %1).</translation>
    </message>
    <message>
        <source>There is no promotion with this code.</source>
        <translation>There is no promotion with this code.</translation>
    </message>
    <message>
        <source>This promotion code is no longer active.</source>
        <translation>This promotion code is no longer active.</translation>
    </message>
    <message>
        <source>This promotion code is not valid at this time.</source>
        <translation>This promotion code is not valid at this time.</translation>
    </message>
    <message>
        <source>This promotion code does not apply to this product or currency.</source>
        <translation>This promotion code does not apply to this product or currency.</translation>
    </message>
    <message>
        <source>The booking does not reach this promotion&apos;s minimum amount.</source>
        <translation>The booking does not reach this promotion&apos;s minimum amount.</translation>
    </message>
    <message>
        <source>One of these codes cannot be combined with others.</source>
        <translation>One of these codes cannot be combined with others.</translation>
    </message>
    <message>
        <source>The discount would make the booking free, which cannot be paid.</source>
        <translation>The discount would make the booking free, which cannot be paid.</translation>
    </message>
    <message>
        <source>This promotion code has been used up.</source>
        <translation>This promotion code has been used up.</translation>
    </message>
    <message>
        <source>This promotion&apos;s budget has been spent.</source>
        <translation>This promotion&apos;s budget has been spent.</translation>
    </message>
    <message>
        <source>This customer has already used this promotion code as often as allowed.</source>
        <translation>This customer has already used this promotion code as often as allowed.</translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>Awaiting payment</source>
        <translation>Awaiting payment</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Success</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Failure</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Denied</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Partner manager</source>
        <translation>Partner manager</translation>
    </message>
    <message>
        <source>Partner staff</source>
        <translation>Partner staff</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <source>Tour</source>
        <translation>Tour</translation>
    </message>
    <message>
        <source>Excursion</source>
        <translation>Excursion</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Package</translation>
    </message>
    <message>
        <source>Airport pickup</source>
        <translation>Airport pickup</translation>
    </message>
    <message>
        <source>Hotel to hotel</source>
        <translation>Hotel to hotel</translation>
    </message>
    <message>
        <source>Port transfer</source>
        <translation>Port transfer</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Created</source>
        <comment>payment</comment>
        <translation>Created</translation>
    </message>
    <message>
        <source>Processing</source>
        <comment>payment</comment>
        <translation>Processing</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <comment>payment</comment>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>payment</comment>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>payment</comment>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Partially refunded</source>
        <comment>payment</comment>
        <translation>Partially refunded</translation>
    </message>
    <message>
        <source>Refunded</source>
        <comment>payment</comment>
        <translation>Refunded</translation>
    </message>
</context>
<context>
    <name>ServerAddress</name>
    <message>
        <source>Enter the server&apos;s address, for example https://reserva.example.com.</source>
        <translation>Enter the server&apos;s address, for example https://reserva.example.com.</translation>
    </message>
    <message>
        <source>This is not a valid server address.</source>
        <translation>This is not a valid server address.</translation>
    </message>
    <message>
        <source>Remote servers must use https://. Plain http:// is allowed only for this computer.</source>
        <translation>Remote servers must use https://. Plain http:// is allowed only for this computer.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::AuditChainStatus</name>
    <message>
        <source>&amp;Verify chain</source>
        <translation>&amp;Verify chain</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Chain status</source>
        <translation>Chain status</translation>
    </message>
    <message>
        <source>Chain verification</source>
        <translation>Chain verification</translation>
    </message>
    <message>
        <source>Verifying the chain</source>
        <translation>Verifying the chain</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>Verify chain</translation>
    </message>
    <message>
        <source>Recompute every link of the audit trail&apos;s hash chain on the server.</source>
        <translation>Recompute every link of the audit trail&apos;s hash chain on the server.</translation>
    </message>
    <message>
        <source>Cancel verification</source>
        <translation>Cancel verification</translation>
    </message>
    <message>
        <source>The hash chain has not been verified yet.</source>
        <translation>The hash chain has not been verified yet.</translation>
    </message>
    <message>
        <source>Verifying the hash chain…</source>
        <translation>Verifying the hash chain…</translation>
    </message>
    <message>
        <source>Verification cancelled.</source>
        <translation>Verification cancelled.</translation>
    </message>
    <message numerus="yes">
        <source>Chain intact: %n link(s) verified.</source>
        <translation>
            <numerusform>Chain intact: %n link verified.</numerusform>
            <numerusform>Chain intact: %n links verified.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) awaiting sealing.</source>
        <translation>
            <numerusform>%n entry awaiting sealing.</numerusform>
            <numerusform>%n entries awaiting sealing.</numerusform>
        </translation>
    </message>
    <message>
        <source>link #%1</source>
        <translation>link #%1</translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation>entry %1</translation>
    </message>
    <message numerus="yes">
        <source>Chain BROKEN at %1: %2. %n link(s) before it verified.</source>
        <translation>
            <numerusform>Chain BROKEN at %1: %2. %n link before it verified.</numerusform>
            <numerusform>Chain BROKEN at %1: %2. %n links before it verified.</numerusform>
        </translation>
    </message>
    <message>
        <source>a link of the chain is missing</source>
        <translation>a link of the chain is missing</translation>
    </message>
    <message>
        <source>the link does not follow the one before it</source>
        <translation>the link does not follow the one before it</translation>
    </message>
    <message>
        <source>the entry was deleted</source>
        <translation>the entry was deleted</translation>
    </message>
    <message>
        <source>the entry was changed after it was sealed</source>
        <translation>the entry was changed after it was sealed</translation>
    </message>
    <message>
        <source>the entry is neither in the chain nor waiting to be sealed</source>
        <translation>the entry is neither in the chain nor waiting to be sealed</translation>
    </message>
    <message>
        <source>The chain could not be verified: %1</source>
        <translation>The chain could not be verified: %1</translation>
    </message>
</context>
<context>
    <name>reserva::ui::AuditCsvExport</name>
    <message>
        <source>An export is already running.</source>
        <translation>An export is already running.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 could not be written: %2</translation>
    </message>
</context>
<context>
    <name>reserva::ui::AuditView</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Actor</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Resource</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>Request ID</translation>
    </message>
    <message>
        <source>Actor (user id)</source>
        <translation>Actor (user id)</translation>
    </message>
    <message>
        <source>Actor filter</source>
        <translation>Actor filter</translation>
    </message>
    <message>
        <source>Action, e.g. auth.login</source>
        <translation>Action, e.g. auth.login</translation>
    </message>
    <message>
        <source>Action filter</source>
        <translation>Action filter</translation>
    </message>
    <message>
        <source>&amp;Actor:</source>
        <translation>&amp;Actor:</translation>
    </message>
    <message>
        <source>A&amp;ction:</source>
        <translation>A&amp;ction:</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message numerus="yes">
        <source>%n shown, more below</source>
        <translation>
            <numerusform>%n shown, more below</numerusform>
            <numerusform>%n shown, more below</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Not loaded</translation>
    </message>
    <message>
        <source>The audit trail could not be loaded.</source>
        <translation>The audit trail could not be loaded.</translation>
    </message>
    <message>
        <source>Resource, e.g. user:&lt;id&gt;</source>
        <translation>Resource, e.g. user:&lt;id&gt;</translation>
    </message>
    <message>
        <source>Resource filter</source>
        <translation>Resource filter</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>From time filter</source>
        <translation>From time filter</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>&amp;Until:</translation>
    </message>
    <message>
        <source>Until time filter</source>
        <translation>Until time filter</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Export CSV…</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Cancel export</translation>
    </message>
    <message>
        <source>Filter from a time</source>
        <translation>Filter from a time</translation>
    </message>
    <message>
        <source>Entries at or after this time (your time zone)</source>
        <translation>Entries at or after this time (your time zone)</translation>
    </message>
    <message>
        <source>Filter until a time</source>
        <translation>Filter until a time</translation>
    </message>
    <message>
        <source>Entries before this time (your time zone)</source>
        <translation>Entries before this time (your time zone)</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Tenant:</translation>
    </message>
    <message>
        <source>&amp;Resource:</source>
        <translation>&amp;Resource:</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>Save the entries the filters select as a CSV file.</source>
        <translation>Save the entries the filters select as a CSV file.</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Export progress</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Export status</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>Export the audit trail</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Export cancelled; %1 was not written.</source>
        <translation>Export cancelled; %1 was not written.</translation>
    </message>
    <message>
        <source>Export failed; %1 was not written. %2</source>
        <translation>Export failed; %1 was not written. %2</translation>
    </message>
    <message numerus="yes">
        <source>Exporting… %Ln row(s) written</source>
        <translation>
            <numerusform>Exporting… %Ln row written</numerusform>
            <numerusform>Exporting… %Ln rows written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) exported to %1</source>
        <translation>
            <numerusform>%Ln row exported to %1</numerusform>
            <numerusform>%Ln rows exported to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reserva::ui::AvailabilityCalendar</name>
    <message>
        <source>Availability calendar</source>
        <translation>Availability calendar</translation>
    </message>
    <message numerus="yes">
        <source>%n departure(s)</source>
        <translation>
            <numerusform>%n departure</numerusform>
            <numerusform>%n departures</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, sold out</source>
        <translation>%1, sold out</translation>
    </message>
    <message>
        <source>%1, %2 of %3 seats left</source>
        <translation>%1, %2 of %3 seats left</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>Sold out</translation>
    </message>
    <message numerus="yes">
        <source>%n dep.</source>
        <translation>
            <numerusform>%n dep.</numerusform>
            <numerusform>%n dep.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reserva::ui::CatalogView</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Starts</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>Seats taken</source>
        <translation>Seats taken</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>New product…</source>
        <translation>New product…</translation>
    </message>
    <message>
        <source>Edit product…</source>
        <translation>Edit product…</translation>
    </message>
    <message>
        <source>Add departure…</source>
        <translation>Add departure…</translation>
    </message>
    <message>
        <source>Change departure…</source>
        <translation>Change departure…</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>Kind filter</source>
        <translation>Kind filter</translation>
    </message>
    <message>
        <source>Active and inactive</source>
        <translation>Active and inactive</translation>
    </message>
    <message>
        <source>Active only</source>
        <translation>Active only</translation>
    </message>
    <message>
        <source>Inactive only</source>
        <translation>Inactive only</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Status filter</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Tenant:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>Departures</source>
        <translation>Departures</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>New product</translation>
    </message>
    <message>
        <source>Edit product</source>
        <translation>Edit product</translation>
    </message>
    <message>
        <source>Add departure</source>
        <translation>Add departure</translation>
    </message>
    <message>
        <source>Change departure</source>
        <translation>Change departure</translation>
    </message>
    <message>
        <source>Product facts</source>
        <translation>Product facts</translation>
    </message>
    <message>
        <source>Product description</source>
        <translation>Product description</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message numerus="yes">
        <source>%n shown, more below</source>
        <translation>
            <numerusform>%n shown, more below</numerusform>
            <numerusform>%n shown, more below</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n product</numerusform>
            <numerusform>%n products</numerusform>
        </translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Not loaded</translation>
    </message>
    <message>
        <source>The catalog could not be loaded.</source>
        <translation>The catalog could not be loaded.</translation>
    </message>
    <message numerus="yes">
        <source>%n departure(s)</source>
        <translation>
            <numerusform>%n departure</numerusform>
            <numerusform>%n departures</numerusform>
        </translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Catalog</translation>
    </message>
    <message>
        <source>No product selected</source>
        <translation>No product selected</translation>
    </message>
    <message>
        <source>Select a product to see its departures.</source>
        <translation>Select a product to see its departures.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Inactive — not bookable</source>
        <translation>Inactive — not bookable</translation>
    </message>
    <message>
        <source>Choose a tenant first: new products belong to one.</source>
        <translation>Choose a tenant first: new products belong to one.</translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation>&amp;List</translation>
    </message>
    <message>
        <source>&amp;Calendar</source>
        <translation>&amp;Calendar</translation>
    </message>
    <message>
        <source>No departures on %1</source>
        <translation>No departures on %1</translation>
    </message>
</context>
<context>
    <name>reserva::ui::CertificateDialog</name>
    <message>
        <source>Certificate not trusted</source>
        <translation>Certificate not trusted</translation>
    </message>
    <message>
        <source>&lt;b&gt;The identity of %1 could not be verified.&lt;/b&gt;</source>
        <translation>&lt;b&gt;The identity of %1 could not be verified.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>This server presented a &lt;b&gt;different certificate&lt;/b&gt; from the one you trusted before. Someone may be intercepting the connection.</source>
        <translation>This server presented a &lt;b&gt;different certificate&lt;/b&gt; from the one you trusted before. Someone may be intercepting the connection.</translation>
    </message>
    <message>
        <source>Its certificate is self-signed. Trust it only if your administrator confirms this fingerprint.</source>
        <translation>Its certificate is self-signed. Trust it only if your administrator confirms this fingerprint.</translation>
    </message>
    <message>
        <source>The connection was stopped. Ask your administrator to fix the server&apos;s certificate.</source>
        <translation>The connection was stopped. Ask your administrator to fix the server&apos;s certificate.</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>Issued to:</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Issued by:</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>Valid from:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Valid until:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256 fingerprint</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256 fingerprint:</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>Problems:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>Trust this certificate</translation>
    </message>
</context>
<context>
    <name>reserva::ui::DashboardView</name>
    <message>
        <source>Today&apos;s departures</source>
        <translation>Today&apos;s departures</translation>
    </message>
    <message>
        <source>Pending payments</source>
        <translation>Pending payments</translation>
    </message>
    <message>
        <source>Holds about to expire</source>
        <translation>Holds about to expire</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Seats</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Reservations</source>
        <translation>Reservations</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Tenant:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Holds expiring within, in minutes</source>
        <translation>Holds expiring within, in minutes</translation>
    </message>
    <message>
        <source>Holds ending &amp;within:</source>
        <translation>Holds ending &amp;within:</translation>
    </message>
    <message>
        <source>Dashboard status</source>
        <translation>Dashboard status</translation>
    </message>
    <message>
        <source>Occupancy chart</source>
        <translation>Occupancy chart</translation>
    </message>
    <message>
        <source>Revenue chart</source>
        <translation>Revenue chart</translation>
    </message>
    <message>
        <source>Click a currency in the legend to hide or show it.</source>
        <translation>Click a currency in the legend to hide or show it.</translation>
    </message>
    <message>
        <source>Seats per departure, next 14 days</source>
        <translation>Seats per departure, next 14 days</translation>
    </message>
    <message>
        <source>Revenue per day, last 14 days</source>
        <translation>Revenue per day, last 14 days</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Not loaded</translation>
    </message>
    <message>
        <source>The dashboard could not be loaded.</source>
        <translation>The dashboard could not be loaded.</translation>
    </message>
    <message>
        <source>only the first entries are shown</source>
        <translation>only the first entries are shown</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Reservation %1, departure %2</source>
        <translation>Reservation %1, departure %2</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Free</translation>
    </message>
    <message>
        <source>No departures in the next 14 days</source>
        <translation>No departures in the next 14 days</translation>
    </message>
    <message>
        <source>%1, %2
%3 of %4 seats taken, %5 paid</source>
        <translation>%1, %2
%3 of %4 seats taken, %5 paid</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 from %n payment(s)</source>
        <translation>
            <numerusform>%1: %2 from %n payment</numerusform>
            <numerusform>%1: %2 from %n payments</numerusform>
        </translation>
    </message>
    <message>
        <source>No payments in the last 14 days</source>
        <translation>No payments in the last 14 days</translation>
    </message>
    <message>
        <source>Updated at %1; days are in the %2 time zone</source>
        <translation>Updated at %1; days are in the %2 time zone</translation>
    </message>
</context>
<context>
    <name>reserva::ui::EditorSave</name>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>reserva::ui::ErrorMessageBox</name>
    <message>
        <source>Reserva</source>
        <translation>Reserva</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Copy request ID</source>
        <translation>Copy request ID</translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation>Request ID: %1</translation>
    </message>
</context>
<context>
    <name>reserva::ui::FirstRunDialog</name>
    <message>
        <source>Set up Reserva on this computer</source>
        <translation>Set up Reserva on this computer</translation>
    </message>
    <message>
        <source>&lt;b&gt;Welcome to Reserva.&lt;/b&gt;&lt;br&gt;This computer will keep its own bookings database. Choose the administrator&apos;s name and password: you will use them to sign in, and to create the accounts of your staff.</source>
        <translation>&lt;b&gt;Welcome to Reserva.&lt;/b&gt;&lt;br&gt;This computer will keep its own bookings database. Choose the administrator&apos;s name and password: you will use them to sign in, and to create the accounts of your staff.</translation>
    </message>
    <message>
        <source>Administrator username</source>
        <translation>Administrator username</translation>
    </message>
    <message>
        <source>Administrator password</source>
        <translation>Administrator password</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <source>At least 10 characters</source>
        <translation>At least 10 characters</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Create administrator</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <source>The username must be 3 to 64 letters, digits or . _ @ -</source>
        <translation>The username must be 3 to 64 letters, digits or . _ @ -</translation>
    </message>
    <message>
        <source>The password must be 10 to 256 characters long.</source>
        <translation>The password must be 10 to 256 characters long.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::InProcessServerWorker</name>
    <message>
        <source>The data folder %1 cannot be created.</source>
        <translation>The data folder %1 cannot be created.</translation>
    </message>
    <message>
        <source>The payment provider settings are not valid: %1</source>
        <translation>The payment provider settings are not valid: %1</translation>
    </message>
    <message>
        <source>The local server could not start: %1</source>
        <translation>The local server could not start: %1</translation>
    </message>
    <message>
        <source>The local database is not reachable: %1</source>
        <translation>The local database is not reachable: %1</translation>
    </message>
    <message>
        <source>The local server is not running.</source>
        <translation>The local server is not running.</translation>
    </message>
    <message>
        <source>This server already has an administrator.</source>
        <translation>This server already has an administrator.</translation>
    </message>
    <message>
        <source>The account could not be saved: %1</source>
        <translation>The account could not be saved: %1</translation>
    </message>
</context>
<context>
    <name>reserva::ui::LoginDialog</name>
    <message>
        <source>This &amp;computer</source>
        <translation>This &amp;computer</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation>&amp;Remember me on this computer</translation>
    </message>
    <message>
        <source>Copy request ID</source>
        <translation>Copy request ID</translation>
    </message>
    <message>
        <source>Sign in to Reserva</source>
        <translation>Sign in to Reserva</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;font-size:16pt; font-weight:600&apos;&gt;Reserva&lt;/span&gt;&lt;br&gt;Bookings and payments backoffice</source>
        <translation>&lt;span style=&apos;font-size:16pt; font-weight:600&apos;&gt;Reserva&lt;/span&gt;&lt;br&gt;Bookings and payments backoffice</translation>
    </message>
    <message>
        <source>Keep the bookings database on this computer: Reserva starts its own server.</source>
        <translation>Keep the bookings database on this computer: Reserva starts its own server.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>The sign-in is kept in the system keychain, never in a file.</source>
        <translation>The sign-in is kept in the system keychain, never in a file.</translation>
    </message>
    <message>
        <source>Connect to:</source>
        <translation>Connect to:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>Sign-in status</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>this computer</translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation>Request ID: %1</translation>
    </message>
    <message>
        <source>Starting the database on this computer…</source>
        <translation>Starting the database on this computer…</translation>
    </message>
    <message>
        <source>First start: create the administrator.</source>
        <translation>First start: create the administrator.</translation>
    </message>
    <message>
        <source>Reserva needs an administrator before anyone can sign in on this computer.</source>
        <translation>Reserva needs an administrator before anyone can sign in on this computer.</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>Enter your username.</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Enter your username and password.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Signing in as %1…</source>
        <translation>Signing in as %1…</translation>
    </message>
    <message>
        <source>Could not sign in automatically. %1</source>
        <translation>Could not sign in automatically. %1</translation>
    </message>
</context>
<context>
    <name>reserva::ui::MainWindow</name>
    <message>
        <source>Reserva — %1</source>
        <translation>Reserva — %1</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Load the current page again (F5)</source>
        <translation>Load the current page again (F5)</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <source>Go to the filter of the current page (Ctrl+F)</source>
        <translation>Go to the filter of the current page (Ctrl+F)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Your account has no pages in this version of Reserva. Ask an administrator for a role.</source>
        <translation>Your account has no pages in this version of Reserva. Ask an administrator for a role.</translation>
    </message>
    <message>
        <source>%1 (%2) on %3</source>
        <translation>%1 (%2) on %3</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>Connection status</translation>
    </message>
    <message>
        <source>Signed-in user</source>
        <translation>Signed-in user</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>The server at %1 is answering.</source>
        <translation>The server at %1 is answering.</translation>
    </message>
    <message>
        <source>Connection lost — retrying…</source>
        <translation>Connection lost — retrying…</translation>
    </message>
    <message>
        <source>The server at %1 is not answering. Reserva keeps trying and reloads the page when it is back.</source>
        <translation>The server at %1 is not answering. Reserva keeps trying and reloads the page when it is back.</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <source>Create a new item on the current page (Ctrl+N)</source>
        <translation>Create a new item on the current page (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
</context>
<context>
    <name>reserva::ui::NewReservationDialog</name>
    <message>
        <source>New reservation</source>
        <translation>New reservation</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>Departure</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Seats</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>Customer name</translation>
    </message>
    <message>
        <source>Customer email</source>
        <translation>Customer email</translation>
    </message>
    <message>
        <source>Customer phone</source>
        <translation>Customer phone</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Booking status</source>
        <translation>Booking status</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>&amp;Product:</translation>
    </message>
    <message>
        <source>&amp;Departure:</source>
        <translation>&amp;Departure:</translation>
    </message>
    <message>
        <source>S&amp;eats:</source>
        <translation>S&amp;eats:</translation>
    </message>
    <message>
        <source>Customer &amp;name:</source>
        <translation>Customer &amp;name:</translation>
    </message>
    <message>
        <source>Customer &amp;email:</source>
        <translation>Customer &amp;email:</translation>
    </message>
    <message>
        <source>Customer p&amp;hone:</source>
        <translation>Customer p&amp;hone:</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Book</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The price is set by the server; the seats are held until the customer pays.</source>
        <translation>The price is set by the server; the seats are held until the customer pays.</translation>
    </message>
    <message>
        <source>There is nothing to book yet: no active product.</source>
        <translation>There is nothing to book yet: no active product.</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n seat(s) left</source>
        <translation>
            <numerusform>%1 — %n seat left</numerusform>
            <numerusform>%1 — %n seats left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This product has no departures in the next %n day(s).</source>
        <translation>
            <numerusform>This product has no departures in the next day.</numerusform>
            <numerusform>This product has no departures in the next %n days.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a product and a departure.</source>
        <translation>Choose a product and a departure.</translation>
    </message>
    <message>
        <source>Booking…</source>
        <translation>Booking…</translation>
    </message>
    <message>
        <source>It is not known whether the booking was made. &quot;Try again&quot; is safe: it cannot book twice.</source>
        <translation>It is not known whether the booking was made. &quot;Try again&quot; is safe: it cannot book twice.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Promotion code</source>
        <translation>Promotion code</translation>
    </message>
    <message>
        <source>Optional; several separated by commas</source>
        <translation>Optional; several separated by commas</translation>
    </message>
    <message>
        <source>Promotion &amp;code:</source>
        <translation>Promotion &amp;code:</translation>
    </message>
    <message>
        <source>Check the transfer details marked below.</source>
        <translation>Check the transfer details marked below.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::PaymentDialog</name>
    <message>
        <source>&amp;Start payment</source>
        <translation>&amp;Start payment</translation>
    </message>
    <message>
        <source>Start a payment</source>
        <translation>Start a payment</translation>
    </message>
    <message>
        <source>Payment provider</source>
        <translation>Payment provider</translation>
    </message>
    <message>
        <source>Pix takes payments in Brazilian reais (BRL) only.</source>
        <translation>Pix takes payments in Brazilian reais (BRL) only.</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>Payment status</translation>
    </message>
    <message>
        <source>Payment details for the customer</source>
        <translation>Payment details for the customer</translation>
    </message>
    <message>
        <source>Checkout link</source>
        <translation>Checkout link</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Copy the payment details</source>
        <translation>Copy the payment details</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Provider:</translation>
    </message>
    <message>
        <source>Asking the provider…</source>
        <translation>Asking the provider…</translation>
    </message>
    <message>
        <source>Send the customer this checkout link:</source>
        <translation>Send the customer this checkout link:</translation>
    </message>
    <message>
        <source>Open the checkout page</source>
        <translation>Open the checkout page</translation>
    </message>
    <message>
        <source>Give the customer this Pix code (copy and paste):</source>
        <translation>Give the customer this Pix code (copy and paste):</translation>
    </message>
    <message>
        <source>Stripe payment created. The payment page needs this client secret:</source>
        <translation>Stripe payment created. The payment page needs this client secret:</translation>
    </message>
    <message>
        <source>Waiting for the provider to confirm the payment. The reservation shows as paid as soon as it does.</source>
        <translation>Waiting for the provider to confirm the payment. The reservation shows as paid as soon as it does.</translation>
    </message>
    <message>
        <source>It is not known whether the payment was created. &quot;Try again&quot; is safe: it cannot charge twice.</source>
        <translation>It is not known whether the payment was created. &quot;Try again&quot; is safe: it cannot charge twice.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message numerus="yes">
        <source>%1 for %n seat(s), %2</source>
        <translation>
            <numerusform>%1 for %n seat, %2</numerusform>
            <numerusform>%1 for %n seats, %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reserva::ui::ProductDialog</name>
    <message>
        <source>Can be booked</source>
        <translation>Can be booked</translation>
    </message>
    <message>
        <source>Edit product</source>
        <translation>Edit product</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>New product</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Transfer kind</source>
        <translation>Transfer kind</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>e.g. %1</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Save status</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>&amp;Transfer kind:</source>
        <translation>&amp;Transfer kind:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description:</translation>
    </message>
    <message>
        <source>&amp;Price:</source>
        <translation>&amp;Price:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>A new price applies to bookings made from now on; existing reservations keep theirs.</source>
        <translation>A new price applies to bookings made from now on; existing reservations keep theirs.</translation>
    </message>
    <message>
        <source>Enter a whole amount of %1 (it has no cents).</source>
        <translation>Enter a whole amount of %1 (it has no cents).</translation>
    </message>
    <message numerus="yes">
        <source>Enter an amount like %1, with at most %n decimal(s).</source>
        <translation>
            <numerusform>Enter an amount like %1, with at most %n decimal.</numerusform>
            <numerusform>Enter an amount like %1, with at most %n decimals.</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the highlighted fields.</source>
        <translation>Check the highlighted fields.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::PromotionDialog</name>
    <message>
        <source>Percentage</source>
        <translation>Percentage</translation>
    </message>
    <message>
        <source>Fixed amount</source>
        <translation>Fixed amount</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Can be combined with other stackable codes</source>
        <translation>Can be combined with other stackable codes</translation>
    </message>
    <message>
        <source>Active: can be used now</source>
        <translation>Active: can be used now</translation>
    </message>
    <message>
        <source>Edit promotion</source>
        <translation>Edit promotion</translation>
    </message>
    <message>
        <source>New promotion</source>
        <translation>New promotion</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>e.g. SUMMER25</source>
        <translation>e.g. SUMMER25</translation>
    </message>
    <message>
        <source>Percentage discount</source>
        <translation>Percentage discount</translation>
    </message>
    <message>
        <source>Fixed amount discount</source>
        <translation>Fixed amount discount</translation>
    </message>
    <message>
        <source>Percent off</source>
        <translation>Percent off</translation>
    </message>
    <message>
        <source>e.g. 12.5</source>
        <translation>e.g. 12.5</translation>
    </message>
    <message>
        <source>Amount off</source>
        <translation>Amount off</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <source>Any currency</source>
        <translation>Any currency</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>Maximum uses</source>
        <translation>Maximum uses</translation>
    </message>
    <message>
        <source>Uses per customer</source>
        <translation>Uses per customer</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>No limit</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Minimum amount</source>
        <translation>Minimum amount</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Stackable</source>
        <translation>Stackable</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Save status</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>None checked: every product.</source>
        <translation>None checked: every product.</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>Discount:</source>
        <translation>Discount:</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>C&amp;urrency:</translation>
    </message>
    <message>
        <source>&amp;Products:</source>
        <translation>&amp;Products:</translation>
    </message>
    <message>
        <source>Valid &amp;from:</source>
        <translation>Valid &amp;from:</translation>
    </message>
    <message>
        <source>Valid &amp;until:</source>
        <translation>Valid &amp;until:</translation>
    </message>
    <message>
        <source>&amp;Maximum uses:</source>
        <translation>&amp;Maximum uses:</translation>
    </message>
    <message>
        <source>Uses per c&amp;ustomer:</source>
        <translation>Uses per c&amp;ustomer:</translation>
    </message>
    <message>
        <source>&amp;Budget:</source>
        <translation>&amp;Budget:</translation>
    </message>
    <message>
        <source>Mi&amp;nimum amount:</source>
        <translation>Mi&amp;nimum amount:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>A limit cannot be removed; raise it instead.</source>
        <translation>A limit cannot be removed; raise it instead.</translation>
    </message>
    <message>
        <source>A budget or a minimum amount needs a currency.</source>
        <translation>A budget or a minimum amount needs a currency.</translation>
    </message>
    <message>
        <source>Not an amount of %1.</source>
        <translation>Not an amount of %1.</translation>
    </message>
    <message>
        <source>Enter a percentage above 0 and up to 100, with at most two decimals.</source>
        <translation>Enter a percentage above 0 and up to 100, with at most two decimals.</translation>
    </message>
    <message>
        <source>A fixed discount needs a currency.</source>
        <translation>A fixed discount needs a currency.</translation>
    </message>
    <message>
        <source>Enter an amount of %1 above zero.</source>
        <translation>Enter an amount of %1 above zero.</translation>
    </message>
    <message>
        <source>Check the highlighted fields.</source>
        <translation>Check the highlighted fields.</translation>
    </message>
    <message>
        <source>This tenant already has a promotion with that code.</source>
        <translation>This tenant already has a promotion with that code.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::PromotionsView</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>Uses</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Released: hold expired</source>
        <translation>Released: hold expired</translation>
    </message>
    <message>
        <source>Released: cancelled</source>
        <translation>Released: cancelled</translation>
    </message>
    <message>
        <source>Released: refunded</source>
        <translation>Released: refunded</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Released</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Claimed</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Reservation</source>
        <translation>Reservation</translation>
    </message>
    <message>
        <source>New promotion…</source>
        <translation>New promotion…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Active and inactive</source>
        <translation>Active and inactive</translation>
    </message>
    <message>
        <source>Active only</source>
        <translation>Active only</translation>
    </message>
    <message>
        <source>Inactive only</source>
        <translation>Inactive only</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Status filter</translation>
    </message>
    <message>
        <source>Code filter</source>
        <translation>Code filter</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Tenant:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>C&amp;ode:</translation>
    </message>
    <message>
        <source>Promotions</source>
        <translation>Promotions</translation>
    </message>
    <message>
        <source>New promotion</source>
        <translation>New promotion</translation>
    </message>
    <message>
        <source>Edit promotion</source>
        <translation>Edit promotion</translation>
    </message>
    <message>
        <source>Deactivate promotion</source>
        <translation>Deactivate promotion</translation>
    </message>
    <message>
        <source>Stops new uses. Codes are never deleted: reservations refer to them. Edit the code to activate it again.</source>
        <translation>Stops new uses. Codes are never deleted: reservations refer to them. Edit the code to activate it again.</translation>
    </message>
    <message>
        <source>Promotion terms</source>
        <translation>Promotion terms</translation>
    </message>
    <message>
        <source>Redemptions</source>
        <translation>Redemptions</translation>
    </message>
    <message>
        <source>Settings of the tenant</source>
        <translation>Settings of the tenant</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message numerus="yes">
        <source>%n shown, more below</source>
        <translation>
            <numerusform>%n shown, more below</numerusform>
            <numerusform>%n shown, more below</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n promotion(s)</source>
        <translation>
            <numerusform>%n promotion</numerusform>
            <numerusform>%n promotions</numerusform>
        </translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Not loaded</translation>
    </message>
    <message>
        <source>The promotions could not be loaded.</source>
        <translation>The promotions could not be loaded.</translation>
    </message>
    <message numerus="yes">
        <source>%n redemption(s)</source>
        <translation>
            <numerusform>%n redemption</numerusform>
            <numerusform>%n redemptions</numerusform>
        </translation>
    </message>
    <message>
        <source>No promotion selected</source>
        <translation>No promotion selected</translation>
    </message>
    <message>
        <source>Select a promotion to see its terms and uses.</source>
        <translation>Select a promotion to see its terms and uses.</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>Every product</source>
        <translation>Every product</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>Per customer</source>
        <translation>Per customer</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>No limit</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>No limit (%1 given)</source>
        <translation>No limit (%1 given)</translation>
    </message>
    <message>
        <source>%1 of %2 used</source>
        <translation>%1 of %2 used</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Stackable</source>
        <translation>Stackable</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Choose a tenant first: codes belong to one.</source>
        <translation>Choose a tenant first: codes belong to one.</translation>
    </message>
    <message>
        <source>The promotion could not be deactivated.</source>
        <translation>The promotion could not be deactivated.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::ReleaseOnRefundSetting</name>
    <message>
        <source>Give promotion uses back when a paid reservation is fully refunded</source>
        <translation>Give promotion uses back when a paid reservation is fully refunded</translation>
    </message>
    <message>
        <source>Release on refund</source>
        <translation>Release on refund</translation>
    </message>
    <message>
        <source>Choose a tenant to see its setting.</source>
        <translation>Choose a tenant to see its setting.</translation>
    </message>
    <message>
        <source>Off by default, so a campaign that closed after its last paid use does not reopen because a customer was refunded.</source>
        <translation>Off by default, so a campaign that closed after its last paid use does not reopen because a customer was refunded.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
</context>
<context>
    <name>reserva::ui::ReservationDetailPane</name>
    <message>
        <source>Select a reservation to see its details.</source>
        <translation>Select a reservation to see its details.</translation>
    </message>
    <message>
        <source>Reservation details</source>
        <translation>Reservation details</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Customer:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Seats:</source>
        <translation>Seats:</translation>
    </message>
    <message>
        <source>Subtotal:</source>
        <translation>Subtotal:</translation>
    </message>
    <message>
        <source>Discount:</source>
        <translation>Discount:</translation>
    </message>
    <message>
        <source>Amount due:</source>
        <translation>Amount due:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Seats held until:</source>
        <translation>Seats held until:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Created:</translation>
    </message>
    <message>
        <source>Reservation ID:</source>
        <translation>Reservation ID:</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>Not held</source>
        <translation>Not held</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>Product:</translation>
    </message>
    <message>
        <source>Start &amp;payment…</source>
        <translation>Start &amp;payment…</translation>
    </message>
    <message>
        <source>Cance&amp;l reservation…</source>
        <translation>Cance&amp;l reservation…</translation>
    </message>
    <message>
        <source>Start a payment</source>
        <translation>Start a payment</translation>
    </message>
    <message>
        <source>Create a payment at Stripe, Mercado Pago or Pix and show what to send the customer</source>
        <translation>Create a payment at Stripe, Mercado Pago or Pix and show what to send the customer</translation>
    </message>
    <message>
        <source>Cancel the reservation</source>
        <translation>Cancel the reservation</translation>
    </message>
    <message>
        <source>Cancel this unpaid reservation and release its seats</source>
        <translation>Cancel this unpaid reservation and release its seats</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Payments of the reservation</source>
        <translation>Payments of the reservation</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>History of the reservation</source>
        <translation>History of the reservation</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>The payments and history could not be loaded.</source>
        <translation>The payments and history could not be loaded.</translation>
    </message>
    <message>
        <source>%1 — refund needed</source>
        <translation>%1 — refund needed</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Booked</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Hold expired</source>
        <translation>Hold expired</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Payment started</source>
        <translation>Payment started</translation>
    </message>
    <message>
        <source>Payment to refund</source>
        <translation>Payment to refund</translation>
    </message>
    <message>
        <source>Transfer:</source>
        <translation>Transfer:</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message numerus="yes">
        <source>Pickup %1, %n passenger(s)</source>
        <translation>
            <numerusform>Pickup %1, %n passenger</numerusform>
            <numerusform>Pickup %1, %n passengers</numerusform>
        </translation>
    </message>
    <message>
        <source>Flight %1 at %2</source>
        <translation>Flight %1 at %2</translation>
    </message>
    <message>
        <source>Ship %1 at %2</source>
        <translation>Ship %1 at %2</translation>
    </message>
    <message>
        <source>Payment processing</source>
        <translation>Payment processing</translation>
    </message>
    <message>
        <source>Payment succeeded</source>
        <translation>Payment succeeded</translation>
    </message>
    <message>
        <source>Payment failed</source>
        <translation>Payment failed</translation>
    </message>
    <message>
        <source>Payment cancelled</source>
        <translation>Payment cancelled</translation>
    </message>
    <message>
        <source>Payment partially refunded</source>
        <translation>Payment partially refunded</translation>
    </message>
    <message>
        <source>Payment refunded</source>
        <translation>Payment refunded</translation>
    </message>
    <message>
        <source>Reserva (automatic)</source>
        <translation>Reserva (automatic)</translation>
    </message>
</context>
<context>
    <name>reserva::ui::ReservationsView</name>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Seats</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Held until</source>
        <translation>Held until</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Status filter</translation>
    </message>
    <message>
        <source>Customer email</source>
        <translation>Customer email</translation>
    </message>
    <message>
        <source>Customer email filter</source>
        <translation>Customer email filter</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>&amp;Customer:</translation>
    </message>
    <message>
        <source>Reservations</source>
        <translation>Reservations</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message numerus="yes">
        <source>%n shown, more below</source>
        <translation>
            <numerusform>%n shown, more below</numerusform>
            <numerusform>%n shown, more below</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reservation(s)</source>
        <translation>
            <numerusform>%n reservation</numerusform>
            <numerusform>%n reservations</numerusform>
        </translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Not loaded</translation>
    </message>
    <message>
        <source>The reservations could not be loaded.</source>
        <translation>The reservations could not be loaded.</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Cancel reservation</source>
        <translation>Cancel reservation</translation>
    </message>
    <message numerus="yes">
        <source>Cancel the reservation of %1 for %n seat(s)? Its seats are released at once. This cannot be undone.</source>
        <translation>
            <numerusform>Cancel the reservation of %1 for %n seat? Its seats are released at once. This cannot be undone.</numerusform>
            <numerusform>Cancel the reservation of %1 for %n seats? Its seats are released at once. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <source>The reservation could not be cancelled.</source>
        <translation>The reservation could not be cancelled.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::Session</name>
    <message>
        <source>The sign-in could not be remembered in the system keychain: %1</source>
        <translation>The sign-in could not be remembered in the system keychain: %1</translation>
    </message>
    <message>
        <source>Your session was ended by the server: it expired, was signed out elsewhere or was revoked for safety. Please sign in again.</source>
        <translation>Your session was ended by the server: it expired, was signed out elsewhere or was revoked for safety. Please sign in again.</translation>
    </message>
    <message>
        <source>The remembered sign-in could not be removed from the system keychain: %1</source>
        <translation>The remembered sign-in could not be removed from the system keychain: %1</translation>
    </message>
</context>
<context>
    <name>reserva::ui::SignInFlow</name>
    <message>
        <source>Reserva</source>
        <translation>Reserva</translation>
    </message>
</context>
<context>
    <name>reserva::ui::SlotDialog</name>
    <message>
        <source>Change departure</source>
        <translation>Change departure</translation>
    </message>
    <message>
        <source>New departure</source>
        <translation>New departure</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>Starts at</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source> seats</source>
        <translation> seats</translation>
    </message>
    <message>
        <source>Seats taken</source>
        <translation>Seats taken</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Save status</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) held or sold</source>
        <translation>
            <numerusform>%n seat held or sold</numerusform>
            <numerusform>%n seats held or sold</numerusform>
        </translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>None yet</translation>
    </message>
    <message>
        <source>&amp;Starts at:</source>
        <translation>&amp;Starts at:</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Duration:</translation>
    </message>
    <message>
        <source>&amp;Capacity:</source>
        <translation>&amp;Capacity:</translation>
    </message>
    <message>
        <source>Seats taken:</source>
        <translation>Seats taken:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message numerus="yes">
        <source>The capacity cannot be lower than the %n seat(s) already held or sold. Cancel reservations first, or choose at least %n.</source>
        <translation>
            <numerusform>The capacity cannot be lower than the %n seat already held or sold. Cancel reservations first, or choose at least %n.</numerusform>
            <numerusform>The capacity cannot be lower than the %n seats already held or sold. Cancel reservations first, or choose at least %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reserva::ui::TenantChooser</name>
    <message>
        <source>Tenant filter</source>
        <translation>Tenant filter</translation>
    </message>
    <message>
        <source>All tenants</source>
        <translation>All tenants</translation>
    </message>
</context>
<context>
    <name>reserva::ui::TenantDialog</name>
    <message>
        <source>New tenant</source>
        <translation>New tenant</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>e.g. Patagonia Adventures</source>
        <translation>e.g. Patagonia Adventures</translation>
    </message>
    <message>
        <source>Slug</source>
        <translation>Slug</translation>
    </message>
    <message>
        <source>e.g. patagonia-adventures</source>
        <translation>e.g. patagonia-adventures</translation>
    </message>
    <message>
        <source>Lower-case letters, digits and dashes. It cannot be changed later.</source>
        <translation>Lower-case letters, digits and dashes. It cannot be changed later.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Slug:</source>
        <translation>&amp;Slug:</translation>
    </message>
    <message>
        <source>The slug names the tenant on the command line and in imports (reservad catalog import --tenant SLUG).</source>
        <translation>The slug names the tenant on the command line and in imports (reservad catalog import --tenant SLUG).</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Save status</translation>
    </message>
    <message>
        <source>Create tenant</source>
        <translation>Create tenant</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Enter the tenant&apos;s name.</source>
        <translation>Enter the tenant&apos;s name.</translation>
    </message>
    <message>
        <source>Enter a slug.</source>
        <translation>Enter a slug.</translation>
    </message>
    <message>
        <source>Check the highlighted fields.</source>
        <translation>Check the highlighted fields.</translation>
    </message>
    <message>
        <source>Another tenant already has this slug.</source>
        <translation>Another tenant already has this slug.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::TransferDetailForm</name>
    <message>
        <source>Transfer details</source>
        <translation>Transfer details</translation>
    </message>
    <message>
        <source>Pickup place</source>
        <translation>Pickup place</translation>
    </message>
    <message>
        <source>Hotel, terminal or address</source>
        <translation>Hotel, terminal or address</translation>
    </message>
    <message>
        <source>Drop-off place</source>
        <translation>Drop-off place</translation>
    </message>
    <message>
        <source>Pickup time</source>
        <translation>Pickup time</translation>
    </message>
    <message>
        <source>Passengers</source>
        <translation>Passengers</translation>
    </message>
    <message>
        <source>Pieces of luggage</source>
        <translation>Pieces of luggage</translation>
    </message>
    <message>
        <source>Airport code</source>
        <translation>Airport code</translation>
    </message>
    <message>
        <source>IATA code, e.g. GRU</source>
        <translation>IATA code, e.g. GRU</translation>
    </message>
    <message>
        <source>Flight number</source>
        <translation>Flight number</translation>
    </message>
    <message>
        <source>e.g. LA3456</source>
        <translation>e.g. LA3456</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Vessel name</source>
        <translation>Vessel name</translation>
    </message>
    <message>
        <source>Pic&amp;kup place:</source>
        <translation>Pic&amp;kup place:</translation>
    </message>
    <message>
        <source>D&amp;rop-off place:</source>
        <translation>D&amp;rop-off place:</translation>
    </message>
    <message>
        <source>Pickup &amp;time:</source>
        <translation>Pickup &amp;time:</translation>
    </message>
    <message>
        <source>Pa&amp;ssengers:</source>
        <translation>Pa&amp;ssengers:</translation>
    </message>
    <message>
        <source>L&amp;uggage:</source>
        <translation>L&amp;uggage:</translation>
    </message>
    <message>
        <source>&amp;Airport:</source>
        <translation>&amp;Airport:</translation>
    </message>
    <message>
        <source>&amp;Flight:</source>
        <translation>&amp;Flight:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;Vessel:</source>
        <translation>&amp;Vessel:</translation>
    </message>
    <message>
        <source>Say where the customer is picked up.</source>
        <translation>Say where the customer is picked up.</translation>
    </message>
    <message>
        <source>Say where the customer is taken.</source>
        <translation>Say where the customer is taken.</translation>
    </message>
    <message>
        <source>The pickup must be within the departure&apos;s time.</source>
        <translation>The pickup must be within the departure&apos;s time.</translation>
    </message>
    <message numerus="yes">
        <source>No more passengers than seats booked (%n).</source>
        <translation>
            <numerusform>No more passengers than seats booked (%n).</numerusform>
            <numerusform>No more passengers than seats booked (%n).</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the number of pieces of luggage.</source>
        <translation>Enter the number of pieces of luggage.</translation>
    </message>
    <message>
        <source>Enter the airport&apos;s 3-letter IATA code, e.g. GRU.</source>
        <translation>Enter the airport&apos;s 3-letter IATA code, e.g. GRU.</translation>
    </message>
    <message>
        <source>Enter the flight number: airline code and 1 to 4 digits, e.g. LA3456.</source>
        <translation>Enter the flight number: airline code and 1 to 4 digits, e.g. LA3456.</translation>
    </message>
    <message>
        <source>Say at which port the customer is met.</source>
        <translation>Say at which port the customer is met.</translation>
    </message>
    <message>
        <source>Enter the ship&apos;s name.</source>
        <translation>Enter the ship&apos;s name.</translation>
    </message>
    <message>
        <source>This product&apos;s transfer kind is not known to this version of Reserva.</source>
        <translation>This product&apos;s transfer kind is not known to this version of Reserva.</translation>
    </message>
    <message>
        <source>Check this field.</source>
        <translation>Check this field.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::UserDialog</name>
    <message>
        <source>Everything, in every tenant. Has no tenant of its own.</source>
        <translation>Everything, in every tenant. Has no tenant of its own.</translation>
    </message>
    <message>
        <source>Runs one tenant: catalog, promotions, its staff&apos;s accounts.</source>
        <translation>Runs one tenant: catalog, promotions, its staff&apos;s accounts.</translation>
    </message>
    <message>
        <source>Books and looks after reservations of one tenant.</source>
        <translation>Books and looks after reservations of one tenant.</translation>
    </message>
    <message>
        <source>Reads the audit trail (of one tenant, or of all without one).</source>
        <translation>Reads the audit trail (of one tenant, or of all without one).</translation>
    </message>
    <message>
        <source>Edit user %1</source>
        <translation>Edit user %1</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <source>e.g. maria.gomez</source>
        <translation>e.g. maria.gomez</translation>
    </message>
    <message>
        <source>Letters, digits and . _ @ -; 3 to 64 characters.</source>
        <translation>Letters, digits and . _ @ -; 3 to 64 characters.</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>Roles:</translation>
    </message>
    <message>
        <source>None (platform-wide)</source>
        <translation>None (platform-wide)</translation>
    </message>
    <message>
        <source>This tenant</source>
        <translation>This tenant</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Tenant:</source>
        <translation>Tenant:</translation>
    </message>
    <message>
        <source>May sign in</source>
        <translation>May sign in</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Clearing it signs the user out everywhere at once.</source>
        <translation>Clearing it signs the user out everywhere at once.</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Tenant:</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Leave empty to keep the current one</source>
        <translation>Leave empty to keep the current one</translation>
    </message>
    <message>
        <source>At least 10 characters</source>
        <translation>At least 10 characters</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>New &amp;password:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Document type</translation>
    </message>
    <message>
        <source>Type, e.g. dni</source>
        <translation>Type, e.g. dni</translation>
    </message>
    <message>
        <source>The kind of document, e.g. dni, cpf, passport.</source>
        <translation>The kind of document, e.g. dni, cpf, passport.</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Identity &amp;document:</source>
        <translation>Identity &amp;document:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Create user</source>
        <translation>Create user</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>A new password or clearing “May sign in” ends every session of this user at once.</source>
        <translation>A new password or clearing “May sign in” ends every session of this user at once.</translation>
    </message>
    <message>
        <source>The identity document is optional; when given, it is verified at every sign-in.</source>
        <translation>The identity document is optional; when given, it is verified at every sign-in.</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Save status</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>Choose at least one role.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>Enter a username.</source>
        <translation>Enter a username.</translation>
    </message>
    <message>
        <source>Enter an initial password.</source>
        <translation>Enter an initial password.</translation>
    </message>
    <message>
        <source>Partner roles belong to a tenant: choose one.</source>
        <translation>Partner roles belong to a tenant: choose one.</translation>
    </message>
    <message>
        <source>Give both the document type and its number, or neither.</source>
        <translation>Give both the document type and its number, or neither.</translation>
    </message>
    <message>
        <source>Check the highlighted fields.</source>
        <translation>Check the highlighted fields.</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <source>That username is taken.</source>
        <translation>That username is taken.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::UsersView</name>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>No document</source>
        <translation>No document</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Not verified (service down)</source>
        <translation>Not verified (service down)</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Not verified</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Slug</source>
        <translation>Slug</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>New user…</source>
        <translation>New user…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identity</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Tenant:</translation>
    </message>
    <message>
        <source>The staff of your tenant.</source>
        <translation>The staff of your tenant.</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>Edit user</translation>
    </message>
    <message>
        <source>Roles, whether the user may sign in, a new password.</source>
        <translation>Roles, whether the user may sign in, a new password.</translation>
    </message>
    <message>
        <source>Deactivate or reactivate user</source>
        <translation>Deactivate or reactivate user</translation>
    </message>
    <message>
        <source>User details</source>
        <translation>User details</translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation>Tenants</translation>
    </message>
    <message>
        <source>New tenant…</source>
        <translation>New tenant…</translation>
    </message>
    <message>
        <source>New tenant</source>
        <translation>New tenant</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Users</translation>
    </message>
    <message>
        <source>Te&amp;nants</source>
        <translation>Te&amp;nants</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Not loaded</translation>
    </message>
    <message>
        <source>The tenants could not be loaded.</source>
        <translation>The tenants could not be loaded.</translation>
    </message>
    <message numerus="yes">
        <source>%n shown, more below</source>
        <translation>
            <numerusform>%n shown, more below</numerusform>
            <numerusform>%n shown, more below</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tenant(s)</source>
        <translation>
            <numerusform>%n tenant</numerusform>
            <numerusform>%n tenants</numerusform>
        </translation>
    </message>
    <message>
        <source>The users could not be loaded.</source>
        <translation>The users could not be loaded.</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
    <message>
        <source>Users and tenants</source>
        <translation>Users and tenants</translation>
    </message>
    <message>
        <source>None (platform-wide)</source>
        <translation>None (platform-wide)</translation>
    </message>
    <message>
        <source>No user selected</source>
        <translation>No user selected</translation>
    </message>
    <message>
        <source>Select a user to see their roles and status.</source>
        <translation>Select a user to see their roles and status.</translation>
    </message>
    <message>
        <source>%1 (checked %2)</source>
        <translation>%1 (checked %2)</translation>
    </message>
    <message>
        <source>Active: may sign in</source>
        <translation>Active: may sign in</translation>
    </message>
    <message>
        <source>Deactivated: cannot sign in</source>
        <translation>Deactivated: cannot sign in</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>%1 on file</source>
        <translation>%1 on file</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>User ID</translation>
    </message>
    <message>
        <source>This is you.</source>
        <translation>This is you.</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <source>You cannot deactivate yourself.</source>
        <translation>You cannot deactivate yourself.</translation>
    </message>
    <message>
        <source>A deactivated user cannot sign in, and their sessions end at once. Nothing is deleted.</source>
        <translation>A deactivated user cannot sign in, and their sessions end at once. Nothing is deleted.</translation>
    </message>
    <message>
        <source>Deactivate user</source>
        <translation>Deactivate user</translation>
    </message>
    <message>
        <source>Deactivate %1?</source>
        <translation>Deactivate %1?</translation>
    </message>
    <message>
        <source>They are signed out everywhere at once and cannot sign in until reactivated. Nothing of theirs is deleted.</source>
        <translation>They are signed out everywhere at once and cannot sign in until reactivated. Nothing of theirs is deleted.</translation>
    </message>
    <message>
        <source>The user could not be reactivated.</source>
        <translation>The user could not be reactivated.</translation>
    </message>
    <message>
        <source>The user could not be deactivated.</source>
        <translation>The user could not be deactivated.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::WebhookEventsView</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Event ID</source>
        <translation>Event ID</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verification</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Payment intent</source>
        <translation>Payment intent</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Applied</translation>
    </message>
    <message>
        <source>Duplicate (already applied)</source>
        <translation>Duplicate (already applied)</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignored</translation>
    </message>
    <message>
        <source>Out of order (not applied)</source>
        <translation>Out of order (not applied)</translation>
    </message>
    <message>
        <source>Unknown payment</source>
        <translation>Unknown payment</translation>
    </message>
    <message>
        <source>Rejected: wrong amount</source>
        <translation>Rejected: wrong amount</translation>
    </message>
    <message>
        <source>Rejected: wrong currency</source>
        <translation>Rejected: wrong currency</translation>
    </message>
    <message>
        <source>Paid, refund required</source>
        <translation>Paid, refund required</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Invalid</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>Bad signature</source>
        <translation>Bad signature</translation>
    </message>
    <message>
        <source>Stale signature</source>
        <translation>Stale signature</translation>
    </message>
    <message>
        <source>Malformed</source>
        <translation>Malformed</translation>
    </message>
    <message>
        <source>Not authenticated</source>
        <translation>Not authenticated</translation>
    </message>
    <message>
        <source>Select a delivery to see what arrived and what was done with it.</source>
        <translation>Select a delivery to see what arrived and what was done with it.</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Headers</translation>
    </message>
    <message>
        <source>Query string</source>
        <translation>Query string</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>All providers</source>
        <translation>All providers</translation>
    </message>
    <message>
        <source>Provider filter</source>
        <translation>Provider filter</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>All outcomes</translation>
    </message>
    <message>
        <source>Outcome filter</source>
        <translation>Outcome filter</translation>
    </message>
    <message>
        <source>“Refused” lists the deliveries whose signature or credentials did not verify: nothing of theirs was applied.</source>
        <translation>“Refused” lists the deliveries whose signature or credentials did not verify: nothing of theirs was applied.</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Provider:</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Outcome:</translation>
    </message>
    <message>
        <source>Webhook deliveries</source>
        <translation>Webhook deliveries</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Received:</translation>
    </message>
    <message>
        <source>Request ID:</source>
        <translation>Request ID:</translation>
    </message>
    <message>
        <source>Answered:</source>
        <translation>Answered:</translation>
    </message>
    <message>
        <source>Verification:</source>
        <translation>Verification:</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Outcome:</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>Details:</translation>
    </message>
    <message>
        <source>Payment:</source>
        <translation>Payment:</translation>
    </message>
    <message>
        <source>&amp;Body</source>
        <translation>&amp;Body</translation>
    </message>
    <message>
        <source>&amp;Headers</source>
        <translation>&amp;Headers</translation>
    </message>
    <message>
        <source>&amp;Query string</source>
        <translation>&amp;Query string</translation>
    </message>
    <message>
        <source>What arrived</source>
        <translation>What arrived</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Not loaded</translation>
    </message>
    <message>
        <source>The webhook deliveries could not be loaded.</source>
        <translation>The webhook deliveries could not be loaded.</translation>
    </message>
    <message numerus="yes">
        <source>%n shown, more below</source>
        <translation>
            <numerusform>%n shown, more below</numerusform>
            <numerusform>%n shown, more below</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deliveries</source>
        <translation>
            <numerusform>%n delivery</numerusform>
            <numerusform>%n deliveries</numerusform>
        </translation>
    </message>
    <message>
        <source>Webhook events</source>
        <translation>Webhook events</translation>
    </message>
    <message>
        <source>%1 delivery</source>
        <translation>%1 delivery</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Empty body.</source>
        <translation>Empty body.</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s), exactly as received.</source>
        <translation>
            <numerusform>%n byte, exactly as received.</numerusform>
            <numerusform>%n bytes, exactly as received.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s), not text: shown in hexadecimal.</source>
        <translation>
            <numerusform>%n byte, not text: shown in hexadecimal.</numerusform>
            <numerusform>%n bytes, not text: shown in hexadecimal.</numerusform>
        </translation>
    </message>
    <message>
        <source>No headers were kept.</source>
        <translation>No headers were kept.</translation>
    </message>
    <message>
        <source>No query parameters.</source>
        <translation>No query parameters.</translation>
    </message>
    <message>
        <source>No payment intent (nothing was applied to a payment).</source>
        <translation>No payment intent (nothing was applied to a payment).</translation>
    </message>
    <message>
        <source>Intent %1 — loading…</source>
        <translation>Intent %1 — loading…</translation>
    </message>
    <message>
        <source>Intent %1 (could not be loaded: %2)</source>
        <translation>Intent %1 (could not be loaded: %2)</translation>
    </message>
    <message>
        <source>%1 · %2 · intent %3</source>
        <translation>%1 · %2 · intent %3</translation>
    </message>
    <message>
        <source>Refunded: %1</source>
        <translation>Refunded: %1</translation>
    </message>
    <message>
        <source>Needs a refund: the payment arrived when it could not be kept.</source>
        <translation>Needs a refund: the payment arrived when it could not be kept.</translation>
    </message>
    <message>
        <source>Reservation %1</source>
        <translation>Reservation %1</translation>
    </message>
</context>
</TS>
