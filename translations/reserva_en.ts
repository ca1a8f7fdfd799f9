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
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
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
        <source>Saving…</source>
        <translation>Saving…</translation>
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
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
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
</TS>
