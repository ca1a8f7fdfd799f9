<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>ApiError</name>
    <message>
        <source>The server is not answering. Check that it is running and that the address is right.</source>
        <translation>O servidor não está respondendo. Verifique se ele está em execução e se o endereço está correto.</translation>
    </message>
    <message>
        <source>The server&apos;s name could not be found. Check the address.</source>
        <translation>O nome do servidor não foi encontrado. Verifique o endereço.</translation>
    </message>
    <message>
        <source>The server took too long to answer. Try again in a moment.</source>
        <translation>O servidor demorou demais para responder. Tente novamente em instantes.</translation>
    </message>
    <message>
        <source>The connection to the server failed. Check your network and try again.</source>
        <translation>A conexão com o servidor falhou. Verifique sua rede e tente novamente.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified, so the connection was stopped.</source>
        <translation>Não foi possível verificar o certificado do servidor, então a conexão foi interrompida.</translation>
    </message>
    <message>
        <source>Remote servers must use https://. Plain http:// is allowed only for this computer.</source>
        <translation>Servidores remotos devem usar https://. http:// sem criptografia só é permitido para este computador.</translation>
    </message>
    <message>
        <source>The server sent an answer this version of Reserva does not understand.</source>
        <translation>O servidor enviou uma resposta que esta versão do Reserva não entende.</translation>
    </message>
    <message>
        <source>The request was canceled.</source>
        <translation>A solicitação foi cancelada.</translation>
    </message>
    <message>
        <source>The username or password is not correct.</source>
        <translation>O usuário ou a senha não estão corretos.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Sua sessão terminou. Entre novamente.</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this.</source>
        <translation>Sua conta não tem permissão para fazer isso.</translation>
    </message>
    <message>
        <source>It was not found. It may have been removed.</source>
        <translation>Não foi encontrado. Pode ter sido removido.</translation>
    </message>
    <message>
        <source>Some of the information is not valid. Check the highlighted fields.</source>
        <translation>Algumas informações não são válidas. Verifique os campos destacados.</translation>
    </message>
    <message>
        <source>There are not enough seats left on this departure.</source>
        <translation>Não há lugares suficientes nesta saída.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a minute and try again.</source>
        <translation>Tentativas demais. Aguarde um minuto e tente novamente.</translation>
    </message>
    <message>
        <source>It changed or is still being processed. Refresh and try again.</source>
        <translation>Foi alterado ou ainda está sendo processado. Atualize e tente novamente.</translation>
    </message>
    <message>
        <source>The server is temporarily unavailable. Try again in a moment.</source>
        <translation>O servidor está temporariamente indisponível. Tente novamente em instantes.</translation>
    </message>
    <message>
        <source>The server could not complete the request.</source>
        <translation>O servidor não conseguiu concluir a solicitação.</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP %1).</source>
        <translation>O servidor recusou a solicitação (HTTP %1).</translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>Awaiting payment</source>
        <translation>Aguardando pagamento</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paga</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expirada</translation>
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
        <translation>Sucesso</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Falha</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Negado</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erro</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Partner manager</source>
        <translation>Gerente do parceiro</translation>
    </message>
    <message>
        <source>Partner staff</source>
        <translation>Equipe do parceiro</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>Auditor</translation>
    </message>
</context>
<context>
    <name>ServerAddress</name>
    <message>
        <source>Enter the server&apos;s address, for example https://reserva.example.com.</source>
        <translation>Digite o endereço do servidor, por exemplo https://reserva.example.com.</translation>
    </message>
    <message>
        <source>This is not a valid server address.</source>
        <translation>Este não é um endereço de servidor válido.</translation>
    </message>
    <message>
        <source>Remote servers must use https://. Plain http:// is allowed only for this computer.</source>
        <translation>Servidores remotos devem usar https://. http:// sem criptografia só é permitido para este computador.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::AuditView</name>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Ação</translation>
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
        <translation>ID da solicitação</translation>
    </message>
    <message>
        <source>Actor (user id)</source>
        <translation>Autor (id do usuário)</translation>
    </message>
    <message>
        <source>Actor filter</source>
        <translation>Filtro por autor</translation>
    </message>
    <message>
        <source>Action, e.g. auth.login</source>
        <translation>Ação, ex.: auth.login</translation>
    </message>
    <message>
        <source>Action filter</source>
        <translation>Filtro por ação</translation>
    </message>
    <message>
        <source>&amp;Actor:</source>
        <translation>&amp;Autor:</translation>
    </message>
    <message>
        <source>A&amp;ction:</source>
        <translation>A&amp;ção:</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Trilha de auditoria</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Carregando…</translation>
    </message>
    <message numerus="yes">
        <source>%n shown, more below</source>
        <translation>
            <numerusform>%n exibida, há mais abaixo</numerusform>
            <numerusform>%n exibidas, há mais abaixo</numerusform>
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
        <translation>Não carregado</translation>
    </message>
    <message>
        <source>The audit trail could not be loaded.</source>
        <translation>Não foi possível carregar a trilha de auditoria.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::CertificateDialog</name>
    <message>
        <source>Certificate not trusted</source>
        <translation>Certificado não confiável</translation>
    </message>
    <message>
        <source>&lt;b&gt;The identity of %1 could not be verified.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Não foi possível verificar a identidade de %1.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>This server presented a &lt;b&gt;different certificate&lt;/b&gt; from the one you trusted before. Someone may be intercepting the connection.</source>
        <translation>Este servidor apresentou um &lt;b&gt;certificado diferente&lt;/b&gt; do que você aceitou antes. Alguém pode estar interceptando a conexão.</translation>
    </message>
    <message>
        <source>Its certificate is self-signed. Trust it only if your administrator confirms this fingerprint.</source>
        <translation>O certificado é autoassinado. Confie nele somente se o seu administrador confirmar esta impressão digital.</translation>
    </message>
    <message>
        <source>The connection was stopped. Ask your administrator to fix the server&apos;s certificate.</source>
        <translation>A conexão foi interrompida. Peça ao seu administrador que corrija o certificado do servidor.</translation>
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
        <translation>Válido de:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Válido até:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>Impressão digital SHA-256</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>Impressão digital SHA-256:</translation>
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
        <translation>Confiar neste certificado</translation>
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
        <translation>Fechar</translation>
    </message>
    <message>
        <source>Copy request ID</source>
        <translation>Copiar ID da solicitação</translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation>ID da solicitação: %1</translation>
    </message>
</context>
<context>
    <name>reserva::ui::FirstRunDialog</name>
    <message>
        <source>Set up Reserva on this computer</source>
        <translation>Configurar o Reserva neste computador</translation>
    </message>
    <message>
        <source>&lt;b&gt;Welcome to Reserva.&lt;/b&gt;&lt;br&gt;This computer will keep its own bookings database. Choose the administrator&apos;s name and password: you will use them to sign in, and to create the accounts of your staff.</source>
        <translation>&lt;b&gt;Boas-vindas ao Reserva.&lt;/b&gt;&lt;br&gt;Este computador manterá seu próprio banco de dados de reservas. Escolha o nome e a senha do administrador: você os usará para entrar e para criar as contas da sua equipe.</translation>
    </message>
    <message>
        <source>Administrator username</source>
        <translation>Usuário do administrador</translation>
    </message>
    <message>
        <source>Administrator password</source>
        <translation>Senha do administrador</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Repita a senha</translation>
    </message>
    <message>
        <source>At least 10 characters</source>
        <translation>Pelo menos 10 caracteres</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Criar administrador</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Usuário:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Senha:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>&amp;Repetir senha:</translation>
    </message>
    <message>
        <source>The username must be 3 to 64 letters, digits or . _ @ -</source>
        <translation>O usuário deve ter de 3 a 64 letras, dígitos ou . _ @ -</translation>
    </message>
    <message>
        <source>The password must be 10 to 256 characters long.</source>
        <translation>A senha deve ter de 10 a 256 caracteres.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>As duas senhas não são iguais.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::InProcessServerWorker</name>
    <message>
        <source>The data folder %1 cannot be created.</source>
        <translation>Não é possível criar a pasta de dados %1.</translation>
    </message>
    <message>
        <source>The payment provider settings are not valid: %1</source>
        <translation>As configurações dos provedores de pagamento não são válidas: %1</translation>
    </message>
    <message>
        <source>The local server could not start: %1</source>
        <translation>O servidor local não pôde ser iniciado: %1</translation>
    </message>
    <message>
        <source>The local database is not reachable: %1</source>
        <translation>Não é possível acessar o banco de dados local: %1</translation>
    </message>
    <message>
        <source>The local server is not running.</source>
        <translation>O servidor local não está em execução.</translation>
    </message>
    <message>
        <source>This server already has an administrator.</source>
        <translation>Este servidor já tem um administrador.</translation>
    </message>
    <message>
        <source>The account could not be saved: %1</source>
        <translation>Não foi possível salvar a conta: %1</translation>
    </message>
</context>
<context>
    <name>reserva::ui::LoginDialog</name>
    <message>
        <source>This &amp;computer</source>
        <translation>Este &amp;computador</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation>&amp;Lembrar de mim neste computador</translation>
    </message>
    <message>
        <source>Copy request ID</source>
        <translation>Copiar ID da solicitação</translation>
    </message>
    <message>
        <source>Sign in to Reserva</source>
        <translation>Entrar no Reserva</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;font-size:16pt; font-weight:600&apos;&gt;Reserva&lt;/span&gt;&lt;br&gt;Bookings and payments backoffice</source>
        <translation>&lt;span style=&apos;font-size:16pt; font-weight:600&apos;&gt;Reserva&lt;/span&gt;&lt;br&gt;Gestão de reservas e pagamentos</translation>
    </message>
    <message>
        <source>Keep the bookings database on this computer: Reserva starts its own server.</source>
        <translation>Manter o banco de dados de reservas neste computador: o Reserva inicia seu próprio servidor.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Endereço do servidor</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Usuário</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Senha</translation>
    </message>
    <message>
        <source>The sign-in is kept in the system keychain, never in a file.</source>
        <translation>O acesso fica guardado no chaveiro do sistema, nunca em um arquivo.</translation>
    </message>
    <message>
        <source>Connect to:</source>
        <translation>Conectar a:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Usuário:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Senha:</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>Status do acesso</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>este computador</translation>
    </message>
    <message>
        <source>Request ID: %1</source>
        <translation>ID da solicitação: %1</translation>
    </message>
    <message>
        <source>Starting the database on this computer…</source>
        <translation>Iniciando o banco de dados neste computador…</translation>
    </message>
    <message>
        <source>First start: create the administrator.</source>
        <translation>Primeiro início: crie o administrador.</translation>
    </message>
    <message>
        <source>Reserva needs an administrator before anyone can sign in on this computer.</source>
        <translation>O Reserva precisa de um administrador antes que alguém possa entrar neste computador.</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>Digite seu usuário.</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Digite seu usuário e sua senha.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Entrando…</translation>
    </message>
    <message>
        <source>Signing in as %1…</source>
        <translation>Entrando como %1…</translation>
    </message>
    <message>
        <source>Could not sign in automatically. %1</source>
        <translation>Não foi possível entrar automaticamente. %1</translation>
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
        <translation>&amp;Atualizar</translation>
    </message>
    <message>
        <source>Load the current page again (F5)</source>
        <translation>Carregar a página atual novamente (F5)</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>&amp;Filtrar</translation>
    </message>
    <message>
        <source>Go to the filter of the current page (Ctrl+F)</source>
        <translation>Ir para o filtro da página atual (Ctrl+F)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>S&amp;air da conta</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Sai&amp;r</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Exibir</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barra de ferramentas principal</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Your account has no pages in this version of Reserva. Ask an administrator for a role.</source>
        <translation>Sua conta não tem páginas nesta versão do Reserva. Peça uma função a um administrador.</translation>
    </message>
    <message>
        <source>%1 (%2) on %3</source>
        <translation>%1 (%2) em %3</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>Status da conexão</translation>
    </message>
    <message>
        <source>Signed-in user</source>
        <translation>Usuário conectado</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>The server at %1 is answering.</source>
        <translation>O servidor em %1 está respondendo.</translation>
    </message>
    <message>
        <source>Connection lost — retrying…</source>
        <translation>Conexão perdida — tentando novamente…</translation>
    </message>
    <message>
        <source>The server at %1 is not answering. Reserva keeps trying and reloads the page when it is back.</source>
        <translation>O servidor em %1 não está respondendo. O Reserva continua tentando e recarrega a página quando ele voltar.</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Novo…</translation>
    </message>
    <message>
        <source>Create a new item on the current page (Ctrl+N)</source>
        <translation>Criar um item novo na página atual (Ctrl+N)</translation>
    </message>
</context>
<context>
    <name>reserva::ui::NewReservationDialog</name>
    <message>
        <source>New reservation</source>
        <translation>Nova reserva</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produto</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>Saída</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Lugares</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>Nome do cliente</translation>
    </message>
    <message>
        <source>Customer email</source>
        <translation>E-mail do cliente</translation>
    </message>
    <message>
        <source>Customer phone</source>
        <translation>Telefone do cliente</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nome@exemplo.com</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <source>Booking status</source>
        <translation>Status da reserva</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>&amp;Produto:</translation>
    </message>
    <message>
        <source>&amp;Departure:</source>
        <translation>&amp;Saída:</translation>
    </message>
    <message>
        <source>S&amp;eats:</source>
        <translation>&amp;Lugares:</translation>
    </message>
    <message>
        <source>Customer &amp;name:</source>
        <translation>&amp;Nome do cliente:</translation>
    </message>
    <message>
        <source>Customer &amp;email:</source>
        <translation>&amp;E-mail do cliente:</translation>
    </message>
    <message>
        <source>Customer p&amp;hone:</source>
        <translation>&amp;Telefone do cliente:</translation>
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
        <translation>O preço é definido pelo servidor; os lugares ficam reservados até o cliente pagar.</translation>
    </message>
    <message>
        <source>There is nothing to book yet: no active product.</source>
        <translation>Ainda não há nada para reservar: nenhum produto ativo.</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n seat(s) left</source>
        <translation>
            <numerusform>%1 — resta %n lugar</numerusform>
            <numerusform>%1 — restam %n lugares</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This product has no departures in the next %n day(s).</source>
        <translation>
            <numerusform>Este produto não tem saídas no próximo dia.</numerusform>
            <numerusform>Este produto não tem saídas nos próximos %n dias.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a product and a departure.</source>
        <translation>Escolha um produto e uma saída.</translation>
    </message>
    <message>
        <source>Booking…</source>
        <translation>Reservando…</translation>
    </message>
    <message>
        <source>It is not known whether the booking was made. &quot;Try again&quot; is safe: it cannot book twice.</source>
        <translation>Não se sabe se a reserva foi feita. &quot;Tentar novamente&quot; é seguro: não reserva duas vezes.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Tentar novamente</translation>
    </message>
</context>
<context>
    <name>reserva::ui::ReservationDetailPane</name>
    <message>
        <source>Select a reservation to see its details.</source>
        <translation>Selecione uma reserva para ver os detalhes.</translation>
    </message>
    <message>
        <source>Reservation details</source>
        <translation>Detalhes da reserva</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>Cliente:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefone:</translation>
    </message>
    <message>
        <source>Seats:</source>
        <translation>Lugares:</translation>
    </message>
    <message>
        <source>Subtotal:</source>
        <translation>Subtotal:</translation>
    </message>
    <message>
        <source>Discount:</source>
        <translation>Desconto:</translation>
    </message>
    <message>
        <source>Amount due:</source>
        <translation>Valor a pagar:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Seats held until:</source>
        <translation>Lugares reservados até:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Criada:</translation>
    </message>
    <message>
        <source>Reservation ID:</source>
        <translation>ID da reserva:</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Não informado</translation>
    </message>
    <message>
        <source>Not held</source>
        <translation>Sem retenção</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>Produto:</translation>
    </message>
</context>
<context>
    <name>reserva::ui::ReservationsView</name>
    <message>
        <source>Created</source>
        <translation>Criada</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Lugares</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Held until</source>
        <translation>Reservada até</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos os status</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filtro por status</translation>
    </message>
    <message>
        <source>Customer email</source>
        <translation>E-mail do cliente</translation>
    </message>
    <message>
        <source>Customer email filter</source>
        <translation>Filtro por e-mail do cliente</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
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
        <translation>Carregando…</translation>
    </message>
    <message numerus="yes">
        <source>%n shown, more below</source>
        <translation>
            <numerusform>%n exibida, há mais abaixo</numerusform>
            <numerusform>%n exibidas, há mais abaixo</numerusform>
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
        <translation>Não carregado</translation>
    </message>
    <message>
        <source>The reservations could not be loaded.</source>
        <translation>Não foi possível carregar as reservas.</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produto</translation>
    </message>
</context>
<context>
    <name>reserva::ui::Session</name>
    <message>
        <source>The sign-in could not be remembered in the system keychain: %1</source>
        <translation>Não foi possível lembrar o acesso no chaveiro do sistema: %1</translation>
    </message>
    <message>
        <source>Your session was ended by the server: it expired, was signed out elsewhere or was revoked for safety. Please sign in again.</source>
        <translation>O servidor encerrou sua sessão: ela expirou, foi encerrada em outro lugar ou foi revogada por segurança. Entre novamente.</translation>
    </message>
    <message>
        <source>The remembered sign-in could not be removed from the system keychain: %1</source>
        <translation>Não foi possível remover o acesso lembrado do chaveiro do sistema: %1</translation>
    </message>
</context>
<context>
    <name>reserva::ui::SignInFlow</name>
    <message>
        <source>Reserva</source>
        <translation>Reserva</translation>
    </message>
</context>
</TS>
