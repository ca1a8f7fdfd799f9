<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>ApiError</name>
    <message>
        <source>The server is not answering. Check that it is running and that the address is right.</source>
        <translation>El servidor no responde. Compruebe que esté en marcha y que la dirección sea correcta.</translation>
    </message>
    <message>
        <source>The server&apos;s name could not be found. Check the address.</source>
        <translation>No se encontró el nombre del servidor. Compruebe la dirección.</translation>
    </message>
    <message>
        <source>The server took too long to answer. Try again in a moment.</source>
        <translation>El servidor tardó demasiado en responder. Vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>The connection to the server failed. Check your network and try again.</source>
        <translation>Falló la conexión con el servidor. Compruebe su red y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified, so the connection was stopped.</source>
        <translation>No se pudo verificar el certificado del servidor, así que se detuvo la conexión.</translation>
    </message>
    <message>
        <source>Remote servers must use https://. Plain http:// is allowed only for this computer.</source>
        <translation>Los servidores remotos deben usar https://. http:// sin cifrar solo se permite para este equipo.</translation>
    </message>
    <message>
        <source>The server sent an answer this version of Reserva does not understand.</source>
        <translation>El servidor envió una respuesta que esta versión de Reserva no entiende.</translation>
    </message>
    <message>
        <source>The request was canceled.</source>
        <translation>Se canceló la solicitud.</translation>
    </message>
    <message>
        <source>The username or password is not correct.</source>
        <translation>El usuario o la contraseña no son correctos.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Su sesión terminó. Vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this.</source>
        <translation>Su cuenta no tiene permiso para hacer esto.</translation>
    </message>
    <message>
        <source>It was not found. It may have been removed.</source>
        <translation>No se encontró. Puede que se haya eliminado.</translation>
    </message>
    <message>
        <source>Some of the information is not valid. Check the highlighted fields.</source>
        <translation>Parte de la información no es válida. Revise los campos señalados.</translation>
    </message>
    <message>
        <source>There are not enough seats left on this departure.</source>
        <translation>No quedan plazas suficientes en esta salida.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a minute and try again.</source>
        <translation>Demasiados intentos. Espere un minuto y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>It changed or is still being processed. Refresh and try again.</source>
        <translation>Cambió o todavía se está procesando. Actualice y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The server is temporarily unavailable. Try again in a moment.</source>
        <translation>El servidor no está disponible por el momento. Vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>The server could not complete the request.</source>
        <translation>El servidor no pudo completar la solicitud.</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP %1).</source>
        <translation>El servidor rechazó la solicitud (HTTP %1).</translation>
    </message>
    <message>
        <source>There is no promotion with this code.</source>
        <translation>No hay ninguna promoción con este código.</translation>
    </message>
    <message>
        <source>This promotion code is no longer active.</source>
        <translation>Este código de promoción ya no está activo.</translation>
    </message>
    <message>
        <source>This promotion code is not valid at this time.</source>
        <translation>Este código de promoción no es válido en este momento.</translation>
    </message>
    <message>
        <source>This promotion code does not apply to this product or currency.</source>
        <translation>Este código de promoción no se aplica a este producto o moneda.</translation>
    </message>
    <message>
        <source>The booking does not reach this promotion&apos;s minimum amount.</source>
        <translation>La reserva no alcanza el importe mínimo de esta promoción.</translation>
    </message>
    <message>
        <source>One of these codes cannot be combined with others.</source>
        <translation>Uno de estos códigos no se puede combinar con otros.</translation>
    </message>
    <message>
        <source>The discount would make the booking free, which cannot be paid.</source>
        <translation>El descuento dejaría la reserva gratis, y no se podría pagar.</translation>
    </message>
    <message>
        <source>This promotion code has been used up.</source>
        <translation>Este código de promoción ya se agotó.</translation>
    </message>
    <message>
        <source>This promotion&apos;s budget has been spent.</source>
        <translation>El presupuesto de esta promoción ya se gastó.</translation>
    </message>
    <message>
        <source>This customer has already used this promotion code as often as allowed.</source>
        <translation>Este cliente ya usó este código de promoción todas las veces permitidas.</translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>Awaiting payment</source>
        <translation>Pendiente de pago</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagada</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vencida</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Reembolsada</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Correcto</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fallo</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Denegado</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Partner manager</source>
        <translation>Gerente del operador</translation>
    </message>
    <message>
        <source>Partner staff</source>
        <translation>Personal del operador</translation>
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
        <translation>Excursión</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Traslado</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Paquete</translation>
    </message>
    <message>
        <source>Airport pickup</source>
        <translation>Recogida en aeropuerto</translation>
    </message>
    <message>
        <source>Hotel to hotel</source>
        <translation>De hotel a hotel</translation>
    </message>
    <message>
        <source>Port transfer</source>
        <translation>Traslado al puerto</translation>
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
        <translation>Creado</translation>
    </message>
    <message>
        <source>Processing</source>
        <comment>payment</comment>
        <translation>En proceso</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <comment>payment</comment>
        <translation>Completado</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>payment</comment>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>payment</comment>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Partially refunded</source>
        <comment>payment</comment>
        <translation>Reembolsado en parte</translation>
    </message>
    <message>
        <source>Refunded</source>
        <comment>payment</comment>
        <translation>Reembolsado</translation>
    </message>
</context>
<context>
    <name>ServerAddress</name>
    <message>
        <source>Enter the server&apos;s address, for example https://reserva.example.com.</source>
        <translation>Escriba la dirección del servidor, por ejemplo https://reserva.example.com.</translation>
    </message>
    <message>
        <source>This is not a valid server address.</source>
        <translation>Esta no es una dirección de servidor válida.</translation>
    </message>
    <message>
        <source>Remote servers must use https://. Plain http:// is allowed only for this computer.</source>
        <translation>Los servidores remotos deben usar https://. http:// sin cifrar solo se permite para este equipo.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::AuditChainStatus</name>
    <message>
        <source>&amp;Verify chain</source>
        <translation>&amp;Verificar cadena</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Chain status</source>
        <translation>Estado de la cadena</translation>
    </message>
    <message>
        <source>Chain verification</source>
        <translation>Verificación de la cadena</translation>
    </message>
    <message>
        <source>Verifying the chain</source>
        <translation>Verificando la cadena</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>Verificar cadena</translation>
    </message>
    <message>
        <source>Recompute every link of the audit trail&apos;s hash chain on the server.</source>
        <translation>Recalcular en el servidor cada eslabón de la cadena de hash del registro de auditoría.</translation>
    </message>
    <message>
        <source>Cancel verification</source>
        <translation>Cancelar verificación</translation>
    </message>
    <message>
        <source>The hash chain has not been verified yet.</source>
        <translation>La cadena de hash aún no se ha verificado.</translation>
    </message>
    <message>
        <source>Verifying the hash chain…</source>
        <translation>Verificando la cadena de hash…</translation>
    </message>
    <message>
        <source>Verification cancelled.</source>
        <translation>Verificación cancelada.</translation>
    </message>
    <message numerus="yes">
        <source>Chain intact: %n link(s) verified.</source>
        <translation>
            <numerusform>Cadena íntegra: %n eslabón verificado.</numerusform>
            <numerusform>Cadena íntegra: %n eslabones verificados.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) awaiting sealing.</source>
        <translation>
            <numerusform>%n entrada pendiente de sellado.</numerusform>
            <numerusform>%n entradas pendientes de sellado.</numerusform>
        </translation>
    </message>
    <message>
        <source>link #%1</source>
        <translation>eslabón n.º %1</translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation>entrada %1</translation>
    </message>
    <message numerus="yes">
        <source>Chain BROKEN at %1: %2. %n link(s) before it verified.</source>
        <translation>
            <numerusform>Cadena ROTA en %1: %2. %n eslabón anterior verificado.</numerusform>
            <numerusform>Cadena ROTA en %1: %2. %n eslabones anteriores verificados.</numerusform>
        </translation>
    </message>
    <message>
        <source>a link of the chain is missing</source>
        <translation>falta un eslabón de la cadena</translation>
    </message>
    <message>
        <source>the link does not follow the one before it</source>
        <translation>el eslabón no enlaza con el anterior</translation>
    </message>
    <message>
        <source>the entry was deleted</source>
        <translation>la entrada se eliminó</translation>
    </message>
    <message>
        <source>the entry was changed after it was sealed</source>
        <translation>la entrada se modificó después de sellarse</translation>
    </message>
    <message>
        <source>the entry is neither in the chain nor waiting to be sealed</source>
        <translation>la entrada no está en la cadena ni pendiente de sellado</translation>
    </message>
    <message>
        <source>The chain could not be verified: %1</source>
        <translation>No se pudo verificar la cadena: %1</translation>
    </message>
</context>
<context>
    <name>reserva::ui::AuditCsvExport</name>
    <message>
        <source>An export is already running.</source>
        <translation>Ya hay una exportación en curso.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>reserva::ui::AuditView</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Recurso</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>ID de solicitud</translation>
    </message>
    <message>
        <source>Actor (user id)</source>
        <translation>Autor (id de usuario)</translation>
    </message>
    <message>
        <source>Actor filter</source>
        <translation>Filtro por autor</translation>
    </message>
    <message>
        <source>Action, e.g. auth.login</source>
        <translation>Acción, p. ej. auth.login</translation>
    </message>
    <message>
        <source>Action filter</source>
        <translation>Filtro por acción</translation>
    </message>
    <message>
        <source>&amp;Actor:</source>
        <translation>&amp;Autor:</translation>
    </message>
    <message>
        <source>A&amp;ction:</source>
        <translation>A&amp;cción:</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message numerus="yes">
        <source>%n shown, more below</source>
        <translation>
            <numerusform>%n mostrada, hay más abajo</numerusform>
            <numerusform>%n mostradas, hay más abajo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entrada</numerusform>
            <numerusform>%n entradas</numerusform>
        </translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Sin cargar</translation>
    </message>
    <message>
        <source>The audit trail could not be loaded.</source>
        <translation>No se pudo cargar el registro de auditoría.</translation>
    </message>
    <message>
        <source>Resource, e.g. user:&lt;id&gt;</source>
        <translation>Recurso, p. ej. user:&lt;id&gt;</translation>
    </message>
    <message>
        <source>Resource filter</source>
        <translation>Filtro por recurso</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>From time filter</source>
        <translation>Filtro de fecha inicial</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>Until time filter</source>
        <translation>Filtro de fecha final</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exportar CSV…</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Cancelar exportación</translation>
    </message>
    <message>
        <source>Filter from a time</source>
        <translation>Filtrar desde una fecha y hora</translation>
    </message>
    <message>
        <source>Entries at or after this time (your time zone)</source>
        <translation>Entradas de esta fecha y hora o posteriores (su zona horaria)</translation>
    </message>
    <message>
        <source>Filter until a time</source>
        <translation>Filtrar hasta una fecha y hora</translation>
    </message>
    <message>
        <source>Entries before this time (your time zone)</source>
        <translation>Entradas anteriores a esta fecha y hora (su zona horaria)</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Inquilino:</translation>
    </message>
    <message>
        <source>&amp;Resource:</source>
        <translation>&amp;Recurso:</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exportar CSV</translation>
    </message>
    <message>
        <source>Save the entries the filters select as a CSV file.</source>
        <translation>Guardar en un archivo CSV las entradas que seleccionan los filtros.</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Progreso de la exportación</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Estado de la exportación</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>Exportar el registro de auditoría</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export cancelled; %1 was not written.</source>
        <translation>Exportación cancelada; no se escribió %1.</translation>
    </message>
    <message>
        <source>Export failed; %1 was not written. %2</source>
        <translation>La exportación falló; no se escribió %1. %2</translation>
    </message>
    <message numerus="yes">
        <source>Exporting… %Ln row(s) written</source>
        <translation>
            <numerusform>Exportando… %Ln fila escrita</numerusform>
            <numerusform>Exportando… %Ln filas escritas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) exported to %1</source>
        <translation>
            <numerusform>%Ln fila exportada a %1</numerusform>
            <numerusform>%Ln filas exportadas a %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reserva::ui::AvailabilityCalendar</name>
    <message>
        <source>Availability calendar</source>
        <translation>Calendario de disponibilidad</translation>
    </message>
    <message numerus="yes">
        <source>%n departure(s)</source>
        <translation>
            <numerusform>%n salida</numerusform>
            <numerusform>%n salidas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, sold out</source>
        <translation>%1, sin plazas libres</translation>
    </message>
    <message>
        <source>%1, %2 of %3 seats left</source>
        <translation>%1, quedan %2 de %3 plazas</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>Agotado</translation>
    </message>
    <message numerus="yes">
        <source>%n dep.</source>
        <translation>
            <numerusform>%n sal.</numerusform>
            <numerusform>%n sal.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reserva::ui::CatalogView</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactivo</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacidad</translation>
    </message>
    <message>
        <source>Seats taken</source>
        <translation>Plazas ocupadas</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Libres</translation>
    </message>
    <message>
        <source>New product…</source>
        <translation>Nuevo producto…</translation>
    </message>
    <message>
        <source>Edit product…</source>
        <translation>Editar producto…</translation>
    </message>
    <message>
        <source>Add departure…</source>
        <translation>Agregar salida…</translation>
    </message>
    <message>
        <source>Change departure…</source>
        <translation>Modificar salida…</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>Kind filter</source>
        <translation>Filtro de tipo</translation>
    </message>
    <message>
        <source>Active and inactive</source>
        <translation>Activos e inactivos</translation>
    </message>
    <message>
        <source>Active only</source>
        <translation>Solo activos</translation>
    </message>
    <message>
        <source>Inactive only</source>
        <translation>Solo inactivos</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filtro de estado</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Inquilino:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Productos</translation>
    </message>
    <message>
        <source>Departures</source>
        <translation>Salidas</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Nuevo producto</translation>
    </message>
    <message>
        <source>Edit product</source>
        <translation>Editar producto</translation>
    </message>
    <message>
        <source>Add departure</source>
        <translation>Agregar salida</translation>
    </message>
    <message>
        <source>Change departure</source>
        <translation>Modificar salida</translation>
    </message>
    <message>
        <source>Product facts</source>
        <translation>Datos del producto</translation>
    </message>
    <message>
        <source>Product description</source>
        <translation>Descripción del producto</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message numerus="yes">
        <source>%n shown, more below</source>
        <translation>
            <numerusform>%n mostrado, hay más abajo</numerusform>
            <numerusform>%n mostrados, hay más abajo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n producto</numerusform>
            <numerusform>%n productos</numerusform>
        </translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>No cargado</translation>
    </message>
    <message>
        <source>The catalog could not be loaded.</source>
        <translation>No se pudo cargar el catálogo.</translation>
    </message>
    <message numerus="yes">
        <source>%n departure(s)</source>
        <translation>
            <numerusform>%n salida</numerusform>
            <numerusform>%n salidas</numerusform>
        </translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Catálogo</translation>
    </message>
    <message>
        <source>No product selected</source>
        <translation>Ningún producto seleccionado</translation>
    </message>
    <message>
        <source>Select a product to see its departures.</source>
        <translation>Seleccione un producto para ver sus salidas.</translation>
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
        <translation>Inactivo: no se puede reservar</translation>
    </message>
    <message>
        <source>Choose a tenant first: new products belong to one.</source>
        <translation>Elija primero un inquilino: cada producto nuevo pertenece a uno.</translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation>&amp;Lista</translation>
    </message>
    <message>
        <source>&amp;Calendar</source>
        <translation>&amp;Calendario</translation>
    </message>
    <message>
        <source>No departures on %1</source>
        <translation>No hay salidas el %1</translation>
    </message>
</context>
<context>
    <name>reserva::ui::CertificateDialog</name>
    <message>
        <source>Certificate not trusted</source>
        <translation>Certificado no confiable</translation>
    </message>
    <message>
        <source>&lt;b&gt;The identity of %1 could not be verified.&lt;/b&gt;</source>
        <translation>&lt;b&gt;No se pudo verificar la identidad de %1.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>This server presented a &lt;b&gt;different certificate&lt;/b&gt; from the one you trusted before. Someone may be intercepting the connection.</source>
        <translation>Este servidor presentó un &lt;b&gt;certificado distinto&lt;/b&gt; del que usted aceptó antes. Alguien podría estar interceptando la conexión.</translation>
    </message>
    <message>
        <source>Its certificate is self-signed. Trust it only if your administrator confirms this fingerprint.</source>
        <translation>Su certificado es autofirmado. Confíe en él solo si su administrador confirma esta huella.</translation>
    </message>
    <message>
        <source>The connection was stopped. Ask your administrator to fix the server&apos;s certificate.</source>
        <translation>Se detuvo la conexión. Pida a su administrador que corrija el certificado del servidor.</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>Emitido para:</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Emitido por:</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>Válido desde:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Válido hasta:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>Huella SHA-256</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>Huella SHA-256:</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>Problemas:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>Confiar en este certificado</translation>
    </message>
</context>
<context>
    <name>reserva::ui::DashboardView</name>
    <message>
        <source>Today&apos;s departures</source>
        <translation>Salidas de hoy</translation>
    </message>
    <message>
        <source>Pending payments</source>
        <translation>Pagos pendientes</translation>
    </message>
    <message>
        <source>Holds about to expire</source>
        <translation>Retenciones a punto de vencer</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Plazas</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagadas</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Reservations</source>
        <translation>Reservas</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Inquilino:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Holds expiring within, in minutes</source>
        <translation>Plazo de vencimiento de las retenciones, en minutos</translation>
    </message>
    <message>
        <source>Holds ending &amp;within:</source>
        <translation>Retenciones que vencen en &amp;menos de:</translation>
    </message>
    <message>
        <source>Dashboard status</source>
        <translation>Estado del panel</translation>
    </message>
    <message>
        <source>Occupancy chart</source>
        <translation>Gráfico de ocupación</translation>
    </message>
    <message>
        <source>Revenue chart</source>
        <translation>Gráfico de ingresos</translation>
    </message>
    <message>
        <source>Click a currency in the legend to hide or show it.</source>
        <translation>Haga clic en una moneda de la leyenda para ocultarla o mostrarla.</translation>
    </message>
    <message>
        <source>Seats per departure, next 14 days</source>
        <translation>Plazas por salida, próximos 14 días</translation>
    </message>
    <message>
        <source>Revenue per day, last 14 days</source>
        <translation>Ingresos por día, últimos 14 días</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Sin cargar</translation>
    </message>
    <message>
        <source>The dashboard could not be loaded.</source>
        <translation>No se pudo cargar el panel.</translation>
    </message>
    <message>
        <source>only the first entries are shown</source>
        <translation>solo se muestran las primeras entradas</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Reservation %1, departure %2</source>
        <translation>Reserva %1, salida %2</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Retenidas</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Libres</translation>
    </message>
    <message>
        <source>No departures in the next 14 days</source>
        <translation>No hay salidas en los próximos 14 días</translation>
    </message>
    <message>
        <source>%1, %2
%3 of %4 seats taken, %5 paid</source>
        <translation>%1, %2
%3 de %4 plazas ocupadas, %5 pagadas</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 from %n payment(s)</source>
        <translation>
            <numerusform>%1: %2 en %n pago</numerusform>
            <numerusform>%1: %2 en %n pagos</numerusform>
        </translation>
    </message>
    <message>
        <source>No payments in the last 14 days</source>
        <translation>No hay pagos en los últimos 14 días</translation>
    </message>
    <message>
        <source>Updated at %1; days are in the %2 time zone</source>
        <translation>Actualizado a las %1; los días están en la zona horaria %2</translation>
    </message>
</context>
<context>
    <name>reserva::ui::EditorSave</name>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
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
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Copy request ID</source>
        <translation>Copiar ID de solicitud</translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation>ID de solicitud: %1</translation>
    </message>
</context>
<context>
    <name>reserva::ui::FirstRunDialog</name>
    <message>
        <source>Set up Reserva on this computer</source>
        <translation>Configurar Reserva en este equipo</translation>
    </message>
    <message>
        <source>&lt;b&gt;Welcome to Reserva.&lt;/b&gt;&lt;br&gt;This computer will keep its own bookings database. Choose the administrator&apos;s name and password: you will use them to sign in, and to create the accounts of your staff.</source>
        <translation>&lt;b&gt;Bienvenido a Reserva.&lt;/b&gt;&lt;br&gt;Este equipo guardará su propia base de datos de reservas. Elija el nombre y la contraseña del administrador: los usará para iniciar sesión y para crear las cuentas de su personal.</translation>
    </message>
    <message>
        <source>Administrator username</source>
        <translation>Usuario del administrador</translation>
    </message>
    <message>
        <source>Administrator password</source>
        <translation>Contraseña del administrador</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Repita la contraseña</translation>
    </message>
    <message>
        <source>At least 10 characters</source>
        <translation>Al menos 10 caracteres</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Crear administrador</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repetir contraseña:</translation>
    </message>
    <message>
        <source>The username must be 3 to 64 letters, digits or . _ @ -</source>
        <translation>El usuario debe tener de 3 a 64 letras, dígitos o . _ @ -</translation>
    </message>
    <message>
        <source>The password must be 10 to 256 characters long.</source>
        <translation>La contraseña debe tener de 10 a 256 caracteres.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::InProcessServerWorker</name>
    <message>
        <source>The data folder %1 cannot be created.</source>
        <translation>No se puede crear la carpeta de datos %1.</translation>
    </message>
    <message>
        <source>The payment provider settings are not valid: %1</source>
        <translation>La configuración de los proveedores de pago no es válida: %1</translation>
    </message>
    <message>
        <source>The local server could not start: %1</source>
        <translation>El servidor local no pudo iniciarse: %1</translation>
    </message>
    <message>
        <source>The local database is not reachable: %1</source>
        <translation>No se puede acceder a la base de datos local: %1</translation>
    </message>
    <message>
        <source>The local server is not running.</source>
        <translation>El servidor local no está en marcha.</translation>
    </message>
    <message>
        <source>This server already has an administrator.</source>
        <translation>Este servidor ya tiene un administrador.</translation>
    </message>
    <message>
        <source>The account could not be saved: %1</source>
        <translation>No se pudo guardar la cuenta: %1</translation>
    </message>
</context>
<context>
    <name>reserva::ui::LoginDialog</name>
    <message>
        <source>This &amp;computer</source>
        <translation>Este &amp;equipo</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation>&amp;Recordarme en este equipo</translation>
    </message>
    <message>
        <source>Copy request ID</source>
        <translation>Copiar ID de solicitud</translation>
    </message>
    <message>
        <source>Sign in to Reserva</source>
        <translation>Iniciar sesión en Reserva</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;font-size:16pt; font-weight:600&apos;&gt;Reserva&lt;/span&gt;&lt;br&gt;Bookings and payments backoffice</source>
        <translation>&lt;span style=&apos;font-size:16pt; font-weight:600&apos;&gt;Reserva&lt;/span&gt;&lt;br&gt;Gestión de reservas y pagos</translation>
    </message>
    <message>
        <source>Keep the bookings database on this computer: Reserva starts its own server.</source>
        <translation>Guardar la base de datos de reservas en este equipo: Reserva inicia su propio servidor.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>The sign-in is kept in the system keychain, never in a file.</source>
        <translation>El inicio de sesión se guarda en el llavero del sistema, nunca en un archivo.</translation>
    </message>
    <message>
        <source>Connect to:</source>
        <translation>Conectar a:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>Estado del inicio de sesión</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>este equipo</translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation>ID de solicitud: %1</translation>
    </message>
    <message>
        <source>Starting the database on this computer…</source>
        <translation>Iniciando la base de datos en este equipo…</translation>
    </message>
    <message>
        <source>First start: create the administrator.</source>
        <translation>Primer inicio: cree el administrador.</translation>
    </message>
    <message>
        <source>Reserva needs an administrator before anyone can sign in on this computer.</source>
        <translation>Reserva necesita un administrador antes de que alguien pueda iniciar sesión en este equipo.</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>Escriba su usuario.</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Escriba su usuario y contraseña.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <source>Signing in as %1…</source>
        <translation>Iniciando sesión como %1…</translation>
    </message>
    <message>
        <source>Could not sign in automatically. %1</source>
        <translation>No se pudo iniciar sesión automáticamente. %1</translation>
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
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Load the current page again (F5)</source>
        <translation>Volver a cargar la página actual (F5)</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>&amp;Filtrar</translation>
    </message>
    <message>
        <source>Go to the filter of the current page (Ctrl+F)</source>
        <translation>Ir al filtro de la página actual (Ctrl+F)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>C&amp;errar sesión</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Your account has no pages in this version of Reserva. Ask an administrator for a role.</source>
        <translation>Su cuenta no tiene páginas en esta versión de Reserva. Pida un rol a un administrador.</translation>
    </message>
    <message>
        <source>%1 (%2) on %3</source>
        <translation>%1 (%2) en %3</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>Estado de la conexión</translation>
    </message>
    <message>
        <source>Signed-in user</source>
        <translation>Usuario conectado</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>The server at %1 is answering.</source>
        <translation>El servidor de %1 responde.</translation>
    </message>
    <message>
        <source>Connection lost — retrying…</source>
        <translation>Conexión perdida — reintentando…</translation>
    </message>
    <message>
        <source>The server at %1 is not answering. Reserva keeps trying and reloads the page when it is back.</source>
        <translation>El servidor de %1 no responde. Reserva sigue intentándolo y recarga la página cuando vuelva.</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nuevo…</translation>
    </message>
    <message>
        <source>Create a new item on the current page (Ctrl+N)</source>
        <translation>Crear un elemento nuevo en la página actual (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
</context>
<context>
    <name>reserva::ui::NewReservationDialog</name>
    <message>
        <source>New reservation</source>
        <translation>Nueva reserva</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Plazas</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>Nombre del cliente</translation>
    </message>
    <message>
        <source>Customer email</source>
        <translation>Correo del cliente</translation>
    </message>
    <message>
        <source>Customer phone</source>
        <translation>Teléfono del cliente</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nombre@ejemplo.com</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <source>Booking status</source>
        <translation>Estado de la reserva</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>&amp;Producto:</translation>
    </message>
    <message>
        <source>&amp;Departure:</source>
        <translation>&amp;Salida:</translation>
    </message>
    <message>
        <source>S&amp;eats:</source>
        <translation>Pla&amp;zas:</translation>
    </message>
    <message>
        <source>Customer &amp;name:</source>
        <translation>&amp;Nombre del cliente:</translation>
    </message>
    <message>
        <source>Customer &amp;email:</source>
        <translation>&amp;Correo del cliente:</translation>
    </message>
    <message>
        <source>Customer p&amp;hone:</source>
        <translation>&amp;Teléfono del cliente:</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Reservar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>The price is set by the server; the seats are held until the customer pays.</source>
        <translation>El precio lo fija el servidor; las plazas quedan retenidas hasta que el cliente pague.</translation>
    </message>
    <message>
        <source>There is nothing to book yet: no active product.</source>
        <translation>Todavía no hay nada que reservar: ningún producto activo.</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n seat(s) left</source>
        <translation>
            <numerusform>%1 — queda %n plaza</numerusform>
            <numerusform>%1 — quedan %n plazas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This product has no departures in the next %n day(s).</source>
        <translation>
            <numerusform>Este producto no tiene salidas en el próximo día.</numerusform>
            <numerusform>Este producto no tiene salidas en los próximos %n días.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a product and a departure.</source>
        <translation>Elija un producto y una salida.</translation>
    </message>
    <message>
        <source>Booking…</source>
        <translation>Reservando…</translation>
    </message>
    <message>
        <source>It is not known whether the booking was made. &quot;Try again&quot; is safe: it cannot book twice.</source>
        <translation>No se sabe si la reserva se hizo. «Reintentar» es seguro: no puede reservar dos veces.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Promotion code</source>
        <translation>Código de promoción</translation>
    </message>
    <message>
        <source>Optional; several separated by commas</source>
        <translation>Opcional; varios separados por comas</translation>
    </message>
    <message>
        <source>Promotion &amp;code:</source>
        <translation>&amp;Código de promoción:</translation>
    </message>
    <message>
        <source>Check the transfer details marked below.</source>
        <translation>Revise los datos del traslado marcados abajo.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::PaymentDialog</name>
    <message>
        <source>&amp;Start payment</source>
        <translation>&amp;Iniciar pago</translation>
    </message>
    <message>
        <source>Start a payment</source>
        <translation>Iniciar un pago</translation>
    </message>
    <message>
        <source>Payment provider</source>
        <translation>Proveedor de pago</translation>
    </message>
    <message>
        <source>Pix takes payments in Brazilian reais (BRL) only.</source>
        <translation>Pix solo acepta pagos en reales brasileños (BRL).</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>Estado del pago</translation>
    </message>
    <message>
        <source>Payment details for the customer</source>
        <translation>Datos de pago para el cliente</translation>
    </message>
    <message>
        <source>Checkout link</source>
        <translation>Enlace de pago</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Copy the payment details</source>
        <translation>Copiar los datos de pago</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Proveedor:</translation>
    </message>
    <message>
        <source>Asking the provider…</source>
        <translation>Consultando al proveedor…</translation>
    </message>
    <message>
        <source>Send the customer this checkout link:</source>
        <translation>Envíe al cliente este enlace de pago:</translation>
    </message>
    <message>
        <source>Open the checkout page</source>
        <translation>Abrir la página de pago</translation>
    </message>
    <message>
        <source>Give the customer this Pix code (copy and paste):</source>
        <translation>Dé al cliente este código Pix (para copiar y pegar):</translation>
    </message>
    <message>
        <source>Stripe payment created. The payment page needs this client secret:</source>
        <translation>Pago de Stripe creado. La página de pago necesita este secreto de cliente:</translation>
    </message>
    <message>
        <source>Waiting for the provider to confirm the payment. The reservation shows as paid as soon as it does.</source>
        <translation>Esperando a que el proveedor confirme el pago. La reserva aparecerá como pagada en cuanto lo haga.</translation>
    </message>
    <message>
        <source>It is not known whether the payment was created. &quot;Try again&quot; is safe: it cannot charge twice.</source>
        <translation>No se sabe si el pago se creó. «Reintentar» es seguro: no puede cobrar dos veces.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message numerus="yes">
        <source>%1 for %n seat(s), %2</source>
        <translation>
            <numerusform>%1, %n plaza, %2</numerusform>
            <numerusform>%1, %n plazas, %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reserva::ui::ProductDialog</name>
    <message>
        <source>Can be booked</source>
        <translation>Se puede reservar</translation>
    </message>
    <message>
        <source>Edit product</source>
        <translation>Editar producto</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Nuevo producto</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Transfer kind</source>
        <translation>Tipo de traslado</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>p. ej. %1</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Estado del guardado</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>&amp;Transfer kind:</source>
        <translation>Tipo de &amp;traslado:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descripción:</translation>
    </message>
    <message>
        <source>&amp;Price:</source>
        <translation>&amp;Precio:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>A new price applies to bookings made from now on; existing reservations keep theirs.</source>
        <translation>Un precio nuevo se aplica a las reservas que se hagan desde ahora; las existentes conservan el suyo.</translation>
    </message>
    <message>
        <source>Enter a whole amount of %1 (it has no cents).</source>
        <translation>Introduzca un importe entero de %1 (no tiene centavos).</translation>
    </message>
    <message numerus="yes">
        <source>Enter an amount like %1, with at most %n decimal(s).</source>
        <translation>
            <numerusform>Introduzca un importe como %1, con %n decimal como máximo.</numerusform>
            <numerusform>Introduzca un importe como %1, con %n decimales como máximo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the highlighted fields.</source>
        <translation>Revise los campos señalados.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::PromotionDialog</name>
    <message>
        <source>Percentage</source>
        <translation>Porcentaje</translation>
    </message>
    <message>
        <source>Fixed amount</source>
        <translation>Importe fijo</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Válido desde</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Válido hasta</translation>
    </message>
    <message>
        <source>Can be combined with other stackable codes</source>
        <translation>Se puede combinar con otros códigos acumulables</translation>
    </message>
    <message>
        <source>Active: can be used now</source>
        <translation>Activo: se puede usar ahora</translation>
    </message>
    <message>
        <source>Edit promotion</source>
        <translation>Editar promoción</translation>
    </message>
    <message>
        <source>New promotion</source>
        <translation>Nueva promoción</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>e.g. SUMMER25</source>
        <translation>p. ej. VERANO25</translation>
    </message>
    <message>
        <source>Percentage discount</source>
        <translation>Descuento porcentual</translation>
    </message>
    <message>
        <source>Fixed amount discount</source>
        <translation>Descuento de importe fijo</translation>
    </message>
    <message>
        <source>Percent off</source>
        <translation>Porcentaje de descuento</translation>
    </message>
    <message>
        <source>e.g. 12.5</source>
        <translation>p. ej. 12,5</translation>
    </message>
    <message>
        <source>Amount off</source>
        <translation>Importe de descuento</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Any currency</source>
        <translation>Cualquier moneda</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Productos</translation>
    </message>
    <message>
        <source>Maximum uses</source>
        <translation>Usos máximos</translation>
    </message>
    <message>
        <source>Uses per customer</source>
        <translation>Usos por cliente</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sin límite</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Presupuesto</translation>
    </message>
    <message>
        <source>Minimum amount</source>
        <translation>Importe mínimo</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Stackable</source>
        <translation>Acumulable</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Estado del guardado</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>None checked: every product.</source>
        <translation>Ninguno marcado: todos los productos.</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Código:</translation>
    </message>
    <message>
        <source>Discount:</source>
        <translation>Descuento:</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>&amp;Moneda:</translation>
    </message>
    <message>
        <source>&amp;Products:</source>
        <translation>&amp;Productos:</translation>
    </message>
    <message>
        <source>Valid &amp;from:</source>
        <translation>Válido &amp;desde:</translation>
    </message>
    <message>
        <source>Valid &amp;until:</source>
        <translation>Válido &amp;hasta:</translation>
    </message>
    <message>
        <source>&amp;Maximum uses:</source>
        <translation>&amp;Usos máximos:</translation>
    </message>
    <message>
        <source>Uses per c&amp;ustomer:</source>
        <translation>Usos por c&amp;liente:</translation>
    </message>
    <message>
        <source>&amp;Budget:</source>
        <translation>&amp;Presupuesto:</translation>
    </message>
    <message>
        <source>Mi&amp;nimum amount:</source>
        <translation>Importe mí&amp;nimo:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>A limit cannot be removed; raise it instead.</source>
        <translation>Un límite no se puede quitar; auméntelo en su lugar.</translation>
    </message>
    <message>
        <source>A budget or a minimum amount needs a currency.</source>
        <translation>Un presupuesto o un importe mínimo necesita una moneda.</translation>
    </message>
    <message>
        <source>Not an amount of %1.</source>
        <translation>No es un importe válido de %1.</translation>
    </message>
    <message>
        <source>Enter a percentage above 0 and up to 100, with at most two decimals.</source>
        <translation>Introduzca un porcentaje mayor que 0 y hasta 100, con dos decimales como máximo.</translation>
    </message>
    <message>
        <source>A fixed discount needs a currency.</source>
        <translation>Un descuento fijo necesita una moneda.</translation>
    </message>
    <message>
        <source>Enter an amount of %1 above zero.</source>
        <translation>Introduzca un importe de %1 mayor que cero.</translation>
    </message>
    <message>
        <source>Check the highlighted fields.</source>
        <translation>Revise los campos señalados.</translation>
    </message>
    <message>
        <source>This tenant already has a promotion with that code.</source>
        <translation>Este inquilino ya tiene una promoción con ese código.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::PromotionsView</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Descuento</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Válido desde</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Válido hasta</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>Usos</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactivo</translation>
    </message>
    <message>
        <source>Released: hold expired</source>
        <translation>Liberado: venció la retención</translation>
    </message>
    <message>
        <source>Released: cancelled</source>
        <translation>Liberado: cancelada</translation>
    </message>
    <message>
        <source>Released: refunded</source>
        <translation>Liberado: reembolsada</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Liberado</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Usado el</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <source>Reservation</source>
        <translation>Reserva</translation>
    </message>
    <message>
        <source>New promotion…</source>
        <translation>Nueva promoción…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>Active and inactive</source>
        <translation>Activos e inactivos</translation>
    </message>
    <message>
        <source>Active only</source>
        <translation>Solo activos</translation>
    </message>
    <message>
        <source>Inactive only</source>
        <translation>Solo inactivos</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filtro de estado</translation>
    </message>
    <message>
        <source>Code filter</source>
        <translation>Filtro de código</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Inquilino:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>C&amp;ódigo:</translation>
    </message>
    <message>
        <source>Promotions</source>
        <translation>Promociones</translation>
    </message>
    <message>
        <source>New promotion</source>
        <translation>Nueva promoción</translation>
    </message>
    <message>
        <source>Edit promotion</source>
        <translation>Editar promoción</translation>
    </message>
    <message>
        <source>Deactivate promotion</source>
        <translation>Desactivar promoción</translation>
    </message>
    <message>
        <source>Stops new uses. Codes are never deleted: reservations refer to them. Edit the code to activate it again.</source>
        <translation>Impide nuevos usos. Los códigos nunca se eliminan: las reservas hacen referencia a ellos. Edite el código para volver a activarlo.</translation>
    </message>
    <message>
        <source>Promotion terms</source>
        <translation>Condiciones de la promoción</translation>
    </message>
    <message>
        <source>Redemptions</source>
        <translation>Usos del código</translation>
    </message>
    <message>
        <source>Settings of the tenant</source>
        <translation>Configuración del inquilino</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message numerus="yes">
        <source>%n shown, more below</source>
        <translation>
            <numerusform>%n mostrado, hay más abajo</numerusform>
            <numerusform>%n mostrados, hay más abajo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n promotion(s)</source>
        <translation>
            <numerusform>%n promoción</numerusform>
            <numerusform>%n promociones</numerusform>
        </translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>No cargado</translation>
    </message>
    <message>
        <source>The promotions could not be loaded.</source>
        <translation>No se pudieron cargar las promociones.</translation>
    </message>
    <message numerus="yes">
        <source>%n redemption(s)</source>
        <translation>
            <numerusform>%n uso</numerusform>
            <numerusform>%n usos</numerusform>
        </translation>
    </message>
    <message>
        <source>No promotion selected</source>
        <translation>Ninguna promoción seleccionada</translation>
    </message>
    <message>
        <source>Select a promotion to see its terms and uses.</source>
        <translation>Seleccione una promoción para ver sus condiciones y usos.</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Productos</translation>
    </message>
    <message>
        <source>Every product</source>
        <translation>Todos los productos</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Vigencia</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>del %1 al %2</translation>
    </message>
    <message>
        <source>Per customer</source>
        <translation>Por cliente</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sin límite</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Presupuesto</translation>
    </message>
    <message>
        <source>No limit (%1 given)</source>
        <translation>Sin límite (%1 otorgado)</translation>
    </message>
    <message>
        <source>%1 of %2 used</source>
        <translation>%1 de %2 usado</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Mínimo</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Stackable</source>
        <translation>Acumulable</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Choose a tenant first: codes belong to one.</source>
        <translation>Elija primero un inquilino: cada código pertenece a uno.</translation>
    </message>
    <message>
        <source>The promotion could not be deactivated.</source>
        <translation>No se pudo desactivar la promoción.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::ReleaseOnRefundSetting</name>
    <message>
        <source>Give promotion uses back when a paid reservation is fully refunded</source>
        <translation>Devolver los usos de la promoción cuando una reserva pagada se reembolsa por completo</translation>
    </message>
    <message>
        <source>Release on refund</source>
        <translation>Liberar al reembolsar</translation>
    </message>
    <message>
        <source>Choose a tenant to see its setting.</source>
        <translation>Elija un inquilino para ver su configuración.</translation>
    </message>
    <message>
        <source>Off by default, so a campaign that closed after its last paid use does not reopen because a customer was refunded.</source>
        <translation>Desactivado por omisión, para que una campaña cerrada tras su último uso pagado no se reabra porque se reembolsó a un cliente.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No se guardó: %1</translation>
    </message>
</context>
<context>
    <name>reserva::ui::ReservationDetailPane</name>
    <message>
        <source>Select a reservation to see its details.</source>
        <translation>Seleccione una reserva para ver sus detalles.</translation>
    </message>
    <message>
        <source>Reservation details</source>
        <translation>Detalles de la reserva</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Cliente:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>Correo:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Teléfono:</translation>
    </message>
    <message>
        <source>Seats:</source>
        <translation>Plazas:</translation>
    </message>
    <message>
        <source>Subtotal:</source>
        <translation>Subtotal:</translation>
    </message>
    <message>
        <source>Discount:</source>
        <translation>Descuento:</translation>
    </message>
    <message>
        <source>Amount due:</source>
        <translation>Importe a pagar:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Seats held until:</source>
        <translation>Plazas retenidas hasta:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Creada:</translation>
    </message>
    <message>
        <source>Reservation ID:</source>
        <translation>ID de la reserva:</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>No indicado</translation>
    </message>
    <message>
        <source>Not held</source>
        <translation>Sin retención</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>Producto:</translation>
    </message>
    <message>
        <source>Start &amp;payment…</source>
        <translation>Iniciar &amp;pago…</translation>
    </message>
    <message>
        <source>Cance&amp;l reservation…</source>
        <translation>Cance&amp;lar reserva…</translation>
    </message>
    <message>
        <source>Start a payment</source>
        <translation>Iniciar un pago</translation>
    </message>
    <message>
        <source>Create a payment at Stripe, Mercado Pago or Pix and show what to send the customer</source>
        <translation>Crear un pago en Stripe, Mercado Pago o Pix y mostrar qué enviar al cliente</translation>
    </message>
    <message>
        <source>Cancel the reservation</source>
        <translation>Cancelar la reserva</translation>
    </message>
    <message>
        <source>Cancel this unpaid reservation and release its seats</source>
        <translation>Cancelar esta reserva sin pagar y liberar sus plazas</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Payments of the reservation</source>
        <translation>Pagos de la reserva</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>History of the reservation</source>
        <translation>Historial de la reserva</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Pagos</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>The payments and history could not be loaded.</source>
        <translation>No se pudieron cargar los pagos ni el historial.</translation>
    </message>
    <message>
        <source>%1 — refund needed</source>
        <translation>%1 — requiere reembolso</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Reservada</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Hold expired</source>
        <translation>Venció la retención</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagada</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Reembolsada</translation>
    </message>
    <message>
        <source>Payment started</source>
        <translation>Pago iniciado</translation>
    </message>
    <message>
        <source>Payment to refund</source>
        <translation>Pago por reembolsar</translation>
    </message>
    <message>
        <source>Transfer:</source>
        <translation>Traslado:</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message numerus="yes">
        <source>Pickup %1, %n passenger(s)</source>
        <translation>
            <numerusform>Recogida %1, %n pasajero</numerusform>
            <numerusform>Recogida %1, %n pasajeros</numerusform>
        </translation>
    </message>
    <message>
        <source>Flight %1 at %2</source>
        <translation>Vuelo %1 en %2</translation>
    </message>
    <message>
        <source>Ship %1 at %2</source>
        <translation>Barco %1 en %2</translation>
    </message>
    <message>
        <source>Payment processing</source>
        <translation>Pago en proceso</translation>
    </message>
    <message>
        <source>Payment succeeded</source>
        <translation>Pago completado</translation>
    </message>
    <message>
        <source>Payment failed</source>
        <translation>Pago fallido</translation>
    </message>
    <message>
        <source>Payment cancelled</source>
        <translation>Pago cancelado</translation>
    </message>
    <message>
        <source>Payment partially refunded</source>
        <translation>Pago reembolsado en parte</translation>
    </message>
    <message>
        <source>Payment refunded</source>
        <translation>Pago reembolsado</translation>
    </message>
    <message>
        <source>Reserva (automatic)</source>
        <translation>Reserva (automático)</translation>
    </message>
</context>
<context>
    <name>reserva::ui::ReservationsView</name>
    <message>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Plazas</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Held until</source>
        <translation>Retenida hasta</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filtro por estado</translation>
    </message>
    <message>
        <source>Customer email</source>
        <translation>Correo del cliente</translation>
    </message>
    <message>
        <source>Customer email filter</source>
        <translation>Filtro por correo del cliente</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>&amp;Cliente:</translation>
    </message>
    <message>
        <source>Reservations</source>
        <translation>Reservas</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message numerus="yes">
        <source>%n shown, more below</source>
        <translation>
            <numerusform>%n mostrada, hay más abajo</numerusform>
            <numerusform>%n mostradas, hay más abajo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reservation(s)</source>
        <translation>
            <numerusform>%n reserva</numerusform>
            <numerusform>%n reservas</numerusform>
        </translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Sin cargar</translation>
    </message>
    <message>
        <source>The reservations could not be loaded.</source>
        <translation>No se pudieron cargar las reservas.</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Cancel reservation</source>
        <translation>Cancelar reserva</translation>
    </message>
    <message numerus="yes">
        <source>Cancel the reservation of %1 for %n seat(s)? Its seats are released at once. This cannot be undone.</source>
        <translation>
            <numerusform>¿Cancelar la reserva de %1 (%n plaza)? La plaza se libera de inmediato. Esto no se puede deshacer.</numerusform>
            <numerusform>¿Cancelar la reserva de %1 (%n plazas)? Las plazas se liberan de inmediato. Esto no se puede deshacer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Conservarla</translation>
    </message>
    <message>
        <source>The reservation could not be cancelled.</source>
        <translation>No se pudo cancelar la reserva.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::Session</name>
    <message>
        <source>The sign-in could not be remembered in the system keychain: %1</source>
        <translation>No se pudo recordar el inicio de sesión en el llavero del sistema: %1</translation>
    </message>
    <message>
        <source>Your session was ended by the server: it expired, was signed out elsewhere or was revoked for safety. Please sign in again.</source>
        <translation>El servidor terminó su sesión: venció, se cerró en otro lugar o se revocó por seguridad. Vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>The remembered sign-in could not be removed from the system keychain: %1</source>
        <translation>No se pudo quitar el inicio de sesión recordado del llavero del sistema: %1</translation>
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
        <translation>Modificar salida</translation>
    </message>
    <message>
        <source>New departure</source>
        <translation>Nueva salida</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>Comienza</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacidad</translation>
    </message>
    <message>
        <source> seats</source>
        <translation> plazas</translation>
    </message>
    <message>
        <source>Seats taken</source>
        <translation>Plazas ocupadas</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Estado del guardado</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) held or sold</source>
        <translation>
            <numerusform>%n plaza retenida o vendida</numerusform>
            <numerusform>%n plazas retenidas o vendidas</numerusform>
        </translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Ninguna todavía</translation>
    </message>
    <message>
        <source>&amp;Starts at:</source>
        <translation>&amp;Comienza:</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Duración:</translation>
    </message>
    <message>
        <source>&amp;Capacity:</source>
        <translation>C&amp;apacidad:</translation>
    </message>
    <message>
        <source>Seats taken:</source>
        <translation>Plazas ocupadas:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message numerus="yes">
        <source>The capacity cannot be lower than the %n seat(s) already held or sold. Cancel reservations first, or choose at least %n.</source>
        <translation>
            <numerusform>La capacidad no puede ser menor que la %n plaza ya retenida o vendida. Cancele reservas primero o elija al menos %n.</numerusform>
            <numerusform>La capacidad no puede ser menor que las %n plazas ya retenidas o vendidas. Cancele reservas primero o elija al menos %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reserva::ui::TenantChooser</name>
    <message>
        <source>Tenant filter</source>
        <translation>Filtro de inquilino</translation>
    </message>
    <message>
        <source>All tenants</source>
        <translation>Todos los inquilinos</translation>
    </message>
</context>
<context>
    <name>reserva::ui::TenantDialog</name>
    <message>
        <source>New tenant</source>
        <translation>Nuevo inquilino</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>e.g. Patagonia Adventures</source>
        <translation>p. ej. Patagonia Aventuras</translation>
    </message>
    <message>
        <source>Slug</source>
        <translation>Identificador</translation>
    </message>
    <message>
        <source>e.g. patagonia-adventures</source>
        <translation>p. ej. patagonia-aventuras</translation>
    </message>
    <message>
        <source>Lower-case letters, digits and dashes. It cannot be changed later.</source>
        <translation>Letras minúsculas, dígitos y guiones. No se puede cambiar después.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Slug:</source>
        <translation>&amp;Identificador:</translation>
    </message>
    <message>
        <source>The slug names the tenant on the command line and in imports (reservad catalog import --tenant SLUG).</source>
        <translation>El identificador designa al inquilino en la línea de comandos y en las importaciones (reservad catalog import --tenant SLUG).</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Estado del guardado</translation>
    </message>
    <message>
        <source>Create tenant</source>
        <translation>Crear inquilino</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Enter the tenant&apos;s name.</source>
        <translation>Escriba el nombre del inquilino.</translation>
    </message>
    <message>
        <source>Enter a slug.</source>
        <translation>Escriba un identificador.</translation>
    </message>
    <message>
        <source>Check the highlighted fields.</source>
        <translation>Revise los campos señalados.</translation>
    </message>
    <message>
        <source>Another tenant already has this slug.</source>
        <translation>Otro inquilino ya tiene este identificador.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::TransferDetailForm</name>
    <message>
        <source>Transfer details</source>
        <translation>Datos del traslado</translation>
    </message>
    <message>
        <source>Pickup place</source>
        <translation>Lugar de recogida</translation>
    </message>
    <message>
        <source>Hotel, terminal or address</source>
        <translation>Hotel, terminal o dirección</translation>
    </message>
    <message>
        <source>Drop-off place</source>
        <translation>Lugar de destino</translation>
    </message>
    <message>
        <source>Pickup time</source>
        <translation>Hora de recogida</translation>
    </message>
    <message>
        <source>Passengers</source>
        <translation>Pasajeros</translation>
    </message>
    <message>
        <source>Pieces of luggage</source>
        <translation>Piezas de equipaje</translation>
    </message>
    <message>
        <source>Airport code</source>
        <translation>Código del aeropuerto</translation>
    </message>
    <message>
        <source>IATA code, e.g. GRU</source>
        <translation>Código IATA, p. ej. GRU</translation>
    </message>
    <message>
        <source>Flight number</source>
        <translation>Número de vuelo</translation>
    </message>
    <message>
        <source>e.g. LA3456</source>
        <translation>p. ej. LA3456</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>Vessel name</source>
        <translation>Nombre del barco</translation>
    </message>
    <message>
        <source>Pic&amp;kup place:</source>
        <translation>Lugar de reco&amp;gida:</translation>
    </message>
    <message>
        <source>D&amp;rop-off place:</source>
        <translation>Lugar de &amp;destino:</translation>
    </message>
    <message>
        <source>Pickup &amp;time:</source>
        <translation>&amp;Hora de recogida:</translation>
    </message>
    <message>
        <source>Pa&amp;ssengers:</source>
        <translation>Pa&amp;sajeros:</translation>
    </message>
    <message>
        <source>L&amp;uggage:</source>
        <translation>&amp;Equipaje:</translation>
    </message>
    <message>
        <source>&amp;Airport:</source>
        <translation>&amp;Aeropuerto:</translation>
    </message>
    <message>
        <source>&amp;Flight:</source>
        <translation>&amp;Vuelo:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;uerto:</translation>
    </message>
    <message>
        <source>&amp;Vessel:</source>
        <translation>&amp;Barco:</translation>
    </message>
    <message>
        <source>Say where the customer is picked up.</source>
        <translation>Indique dónde se recoge al cliente.</translation>
    </message>
    <message>
        <source>Say where the customer is taken.</source>
        <translation>Indique adónde se lleva al cliente.</translation>
    </message>
    <message>
        <source>The pickup must be within the departure&apos;s time.</source>
        <translation>La recogida debe estar dentro del horario de la salida.</translation>
    </message>
    <message numerus="yes">
        <source>No more passengers than seats booked (%n).</source>
        <translation>
            <numerusform>No más pasajeros que plazas reservadas (%n).</numerusform>
            <numerusform>No más pasajeros que plazas reservadas (%n).</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the number of pieces of luggage.</source>
        <translation>Indique el número de piezas de equipaje.</translation>
    </message>
    <message>
        <source>Enter the airport&apos;s 3-letter IATA code, e.g. GRU.</source>
        <translation>Escriba el código IATA de 3 letras del aeropuerto, p. ej. GRU.</translation>
    </message>
    <message>
        <source>Enter the flight number: airline code and 1 to 4 digits, e.g. LA3456.</source>
        <translation>Escriba el número de vuelo: código de aerolínea y de 1 a 4 dígitos, p. ej. LA3456.</translation>
    </message>
    <message>
        <source>Say at which port the customer is met.</source>
        <translation>Indique en qué puerto se recibe al cliente.</translation>
    </message>
    <message>
        <source>Enter the ship&apos;s name.</source>
        <translation>Escriba el nombre del barco.</translation>
    </message>
    <message>
        <source>This product&apos;s transfer kind is not known to this version of Reserva.</source>
        <translation>Esta versión de Reserva no conoce el tipo de traslado de este producto.</translation>
    </message>
    <message>
        <source>Check this field.</source>
        <translation>Revise este campo.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::UserDialog</name>
    <message>
        <source>Everything, in every tenant. Has no tenant of its own.</source>
        <translation>Todo, en todos los inquilinos. No pertenece a ningún inquilino.</translation>
    </message>
    <message>
        <source>Runs one tenant: catalog, promotions, its staff&apos;s accounts.</source>
        <translation>Gestiona un inquilino: catálogo, promociones y las cuentas de su personal.</translation>
    </message>
    <message>
        <source>Books and looks after reservations of one tenant.</source>
        <translation>Crea y atiende las reservas de un inquilino.</translation>
    </message>
    <message>
        <source>Reads the audit trail (of one tenant, or of all without one).</source>
        <translation>Consulta el registro de auditoría (de un inquilino o, sin inquilino asignado, de todos).</translation>
    </message>
    <message>
        <source>Edit user %1</source>
        <translation>Editar usuario %1</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Nuevo usuario</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Usuario:</translation>
    </message>
    <message>
        <source>e.g. maria.gomez</source>
        <translation>p. ej. maria.gomez</translation>
    </message>
    <message>
        <source>Letters, digits and . _ @ -; 3 to 64 characters.</source>
        <translation>Letras, dígitos y . _ @ -; de 3 a 64 caracteres.</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>Roles:</translation>
    </message>
    <message>
        <source>None (platform-wide)</source>
        <translation>Ninguno (toda la plataforma)</translation>
    </message>
    <message>
        <source>This tenant</source>
        <translation>Este inquilino</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Inquilino</translation>
    </message>
    <message>
        <source>Tenant:</source>
        <translation>Inquilino:</translation>
    </message>
    <message>
        <source>May sign in</source>
        <translation>Puede iniciar sesión</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Clearing it signs the user out everywhere at once.</source>
        <translation>Al desmarcarlo, se cierra de inmediato la sesión del usuario en todas partes.</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Inquilino:</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nueva contraseña</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Leave empty to keep the current one</source>
        <translation>Déjela vacía para conservar la actual</translation>
    </message>
    <message>
        <source>At least 10 characters</source>
        <translation>Al menos 10 caracteres</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Repetir contraseña</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>Nueva &amp;contraseña:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repetir contraseña:</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Tipo de documento</translation>
    </message>
    <message>
        <source>Type, e.g. dni</source>
        <translation>Tipo, p. ej. dni</translation>
    </message>
    <message>
        <source>The kind of document, e.g. dni, cpf, passport.</source>
        <translation>El tipo de documento, p. ej. dni, cpf, passport.</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Número de documento</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Identity &amp;document:</source>
        <translation>&amp;Documento de identidad:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Create user</source>
        <translation>Crear usuario</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>A new password or clearing “May sign in” ends every session of this user at once.</source>
        <translation>Una contraseña nueva o desmarcar «Puede iniciar sesión» cierra de inmediato todas las sesiones de este usuario.</translation>
    </message>
    <message>
        <source>The identity document is optional; when given, it is verified at every sign-in.</source>
        <translation>El documento de identidad es opcional; si se indica, se verifica en cada inicio de sesión.</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Estado del guardado</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>Elija al menos un rol.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>Enter a username.</source>
        <translation>Escriba un nombre de usuario.</translation>
    </message>
    <message>
        <source>Enter an initial password.</source>
        <translation>Escriba una contraseña inicial.</translation>
    </message>
    <message>
        <source>Partner roles belong to a tenant: choose one.</source>
        <translation>Los roles de operador pertenecen a un inquilino: elija uno.</translation>
    </message>
    <message>
        <source>Give both the document type and its number, or neither.</source>
        <translation>Indique el tipo de documento y su número, o ninguno de los dos.</translation>
    </message>
    <message>
        <source>Check the highlighted fields.</source>
        <translation>Revise los campos señalados.</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>No hay cambios.</translation>
    </message>
    <message>
        <source>That username is taken.</source>
        <translation>Ese nombre de usuario ya está en uso.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::UsersView</name>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verificada</translation>
    </message>
    <message>
        <source>No document</source>
        <translation>Sin documento</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazada</translation>
    </message>
    <message>
        <source>Not verified (service down)</source>
        <translation>Sin verificar (servicio no disponible)</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Sin verificar</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Slug</source>
        <translation>Identificador</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>New user…</source>
        <translation>Nuevo usuario…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Inquilino</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identidad</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Inquilino:</translation>
    </message>
    <message>
        <source>The staff of your tenant.</source>
        <translation>El personal de su inquilino.</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Nuevo usuario</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>Editar usuario</translation>
    </message>
    <message>
        <source>Roles, whether the user may sign in, a new password.</source>
        <translation>Roles, si el usuario puede iniciar sesión, una contraseña nueva.</translation>
    </message>
    <message>
        <source>Deactivate or reactivate user</source>
        <translation>Desactivar o reactivar usuario</translation>
    </message>
    <message>
        <source>User details</source>
        <translation>Detalles del usuario</translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation>Inquilinos</translation>
    </message>
    <message>
        <source>New tenant…</source>
        <translation>Nuevo inquilino…</translation>
    </message>
    <message>
        <source>New tenant</source>
        <translation>Nuevo inquilino</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Usuarios</translation>
    </message>
    <message>
        <source>Te&amp;nants</source>
        <translation>I&amp;nquilinos</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Sin cargar</translation>
    </message>
    <message>
        <source>The tenants could not be loaded.</source>
        <translation>No se pudieron cargar los inquilinos.</translation>
    </message>
    <message numerus="yes">
        <source>%n shown, more below</source>
        <translation>
            <numerusform>%n mostrado, hay más abajo</numerusform>
            <numerusform>%n mostrados, hay más abajo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tenant(s)</source>
        <translation>
            <numerusform>%n inquilino</numerusform>
            <numerusform>%n inquilinos</numerusform>
        </translation>
    </message>
    <message>
        <source>The users could not be loaded.</source>
        <translation>No se pudieron cargar los usuarios.</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n usuario</numerusform>
            <numerusform>%n usuarios</numerusform>
        </translation>
    </message>
    <message>
        <source>Users and tenants</source>
        <translation>Usuarios e inquilinos</translation>
    </message>
    <message>
        <source>None (platform-wide)</source>
        <translation>Ninguno (toda la plataforma)</translation>
    </message>
    <message>
        <source>No user selected</source>
        <translation>Ningún usuario seleccionado</translation>
    </message>
    <message>
        <source>Select a user to see their roles and status.</source>
        <translation>Seleccione un usuario para ver sus roles y su estado.</translation>
    </message>
    <message>
        <source>%1 (checked %2)</source>
        <translation>%1 (comprobación: %2)</translation>
    </message>
    <message>
        <source>Active: may sign in</source>
        <translation>Activo: puede iniciar sesión</translation>
    </message>
    <message>
        <source>Deactivated: cannot sign in</source>
        <translation>Desactivado: no puede iniciar sesión</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>%1 on file</source>
        <translation>%1 registrado</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modificado</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>ID de usuario</translation>
    </message>
    <message>
        <source>This is you.</source>
        <translation>Es usted.</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Reactivar</translation>
    </message>
    <message>
        <source>You cannot deactivate yourself.</source>
        <translation>No puede desactivar su propia cuenta.</translation>
    </message>
    <message>
        <source>A deactivated user cannot sign in, and their sessions end at once. Nothing is deleted.</source>
        <translation>Un usuario desactivado no puede iniciar sesión y sus sesiones terminan de inmediato. No se elimina nada.</translation>
    </message>
    <message>
        <source>Deactivate user</source>
        <translation>Desactivar usuario</translation>
    </message>
    <message>
        <source>Deactivate %1?</source>
        <translation>¿Desactivar a %1?</translation>
    </message>
    <message>
        <source>They are signed out everywhere at once and cannot sign in until reactivated. Nothing of theirs is deleted.</source>
        <translation>Todas sus sesiones se cierran de inmediato y no podrá iniciar sesión hasta que se reactive. No se elimina nada de sus datos.</translation>
    </message>
    <message>
        <source>The user could not be reactivated.</source>
        <translation>No se pudo reactivar el usuario.</translation>
    </message>
    <message>
        <source>The user could not be deactivated.</source>
        <translation>No se pudo desactivar el usuario.</translation>
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
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Event ID</source>
        <translation>ID del evento</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verificación</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Payment intent</source>
        <translation>Intención de pago</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Aplicado</translation>
    </message>
    <message>
        <source>Duplicate (already applied)</source>
        <translation>Duplicado (ya aplicado)</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignorado</translation>
    </message>
    <message>
        <source>Out of order (not applied)</source>
        <translation>Fuera de orden (no aplicado)</translation>
    </message>
    <message>
        <source>Unknown payment</source>
        <translation>Pago desconocido</translation>
    </message>
    <message>
        <source>Rejected: wrong amount</source>
        <translation>Rechazado: importe incorrecto</translation>
    </message>
    <message>
        <source>Rejected: wrong currency</source>
        <translation>Rechazado: moneda incorrecta</translation>
    </message>
    <message>
        <source>Paid, refund required</source>
        <translation>Pagado, requiere reembolso</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Denegado</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>No válido</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verificado</translation>
    </message>
    <message>
        <source>Bad signature</source>
        <translation>Firma incorrecta</translation>
    </message>
    <message>
        <source>Stale signature</source>
        <translation>Firma caducada</translation>
    </message>
    <message>
        <source>Malformed</source>
        <translation>Mal formado</translation>
    </message>
    <message>
        <source>Not authenticated</source>
        <translation>No autenticado</translation>
    </message>
    <message>
        <source>Select a delivery to see what arrived and what was done with it.</source>
        <translation>Seleccione una entrega para ver qué llegó y qué se hizo con ella.</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Encabezados</translation>
    </message>
    <message>
        <source>Query string</source>
        <translation>Cadena de consulta</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Cuerpo</translation>
    </message>
    <message>
        <source>All providers</source>
        <translation>Todos los proveedores</translation>
    </message>
    <message>
        <source>Provider filter</source>
        <translation>Filtro por proveedor</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Todos los resultados</translation>
    </message>
    <message>
        <source>Outcome filter</source>
        <translation>Filtro por resultado</translation>
    </message>
    <message>
        <source>“Refused” lists the deliveries whose signature or credentials did not verify: nothing of theirs was applied.</source>
        <translation>«Denegado» muestra las entregas cuya firma o credenciales no se pudieron verificar: no se aplicó nada de ellas.</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Proveedor:</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Resultado:</translation>
    </message>
    <message>
        <source>Webhook deliveries</source>
        <translation>Entregas de webhook</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Recibido:</translation>
    </message>
    <message>
        <source>Request ID:</source>
        <translation>ID de solicitud:</translation>
    </message>
    <message>
        <source>Answered:</source>
        <translation>Respuesta:</translation>
    </message>
    <message>
        <source>Verification:</source>
        <translation>Verificación:</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Resultado:</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>Detalles:</translation>
    </message>
    <message>
        <source>Payment:</source>
        <translation>Pago:</translation>
    </message>
    <message>
        <source>&amp;Body</source>
        <translation>&amp;Cuerpo</translation>
    </message>
    <message>
        <source>&amp;Headers</source>
        <translation>&amp;Encabezados</translation>
    </message>
    <message>
        <source>&amp;Query string</source>
        <translation>Cadena de c&amp;onsulta</translation>
    </message>
    <message>
        <source>What arrived</source>
        <translation>Contenido recibido</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Sin cargar</translation>
    </message>
    <message>
        <source>The webhook deliveries could not be loaded.</source>
        <translation>No se pudieron cargar las entregas de webhook.</translation>
    </message>
    <message numerus="yes">
        <source>%n shown, more below</source>
        <translation>
            <numerusform>%n mostrada, hay más abajo</numerusform>
            <numerusform>%n mostradas, hay más abajo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deliveries</source>
        <translation>
            <numerusform>%n entrega</numerusform>
            <numerusform>%n entregas</numerusform>
        </translation>
    </message>
    <message>
        <source>Webhook events</source>
        <translation>Eventos de webhook</translation>
    </message>
    <message>
        <source>%1 delivery</source>
        <translation>Entrega de %1</translation>
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
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Empty body.</source>
        <translation>Cuerpo vacío.</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s), exactly as received.</source>
        <translation>
            <numerusform>%n byte, tal como se recibió.</numerusform>
            <numerusform>%n bytes, tal como se recibieron.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s), not text: shown in hexadecimal.</source>
        <translation>
            <numerusform>%n byte, no es texto: se muestra en hexadecimal.</numerusform>
            <numerusform>%n bytes, no son texto: se muestran en hexadecimal.</numerusform>
        </translation>
    </message>
    <message>
        <source>No headers were kept.</source>
        <translation>No se guardó ningún encabezado.</translation>
    </message>
    <message>
        <source>No query parameters.</source>
        <translation>No hay parámetros de consulta.</translation>
    </message>
    <message>
        <source>No payment intent (nothing was applied to a payment).</source>
        <translation>Sin intención de pago (no se aplicó nada a ningún pago).</translation>
    </message>
    <message>
        <source>Intent %1 — loading…</source>
        <translation>Intención %1 — cargando…</translation>
    </message>
    <message>
        <source>Intent %1 (could not be loaded: %2)</source>
        <translation>Intención %1 (no se pudo cargar: %2)</translation>
    </message>
    <message>
        <source>%1 · %2 · intent %3</source>
        <translation>%1 · %2 · intención %3</translation>
    </message>
    <message>
        <source>Refunded: %1</source>
        <translation>Reembolsado: %1</translation>
    </message>
    <message>
        <source>Needs a refund: the payment arrived when it could not be kept.</source>
        <translation>Requiere reembolso: el pago llegó cuando ya no se podía conservar.</translation>
    </message>
    <message>
        <source>Reservation %1</source>
        <translation>Reserva %1</translation>
    </message>
</context>
</TS>
