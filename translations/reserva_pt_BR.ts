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
    <message>
        <source>There is no promotion with this code.</source>
        <translation>Não existe promoção com este código.</translation>
    </message>
    <message>
        <source>This promotion code is no longer active.</source>
        <translation>Este código promocional não está mais ativo.</translation>
    </message>
    <message>
        <source>This promotion code is not valid at this time.</source>
        <translation>Este código promocional não é válido neste momento.</translation>
    </message>
    <message>
        <source>This promotion code does not apply to this product or currency.</source>
        <translation>Este código promocional não se aplica a este produto ou moeda.</translation>
    </message>
    <message>
        <source>The booking does not reach this promotion&apos;s minimum amount.</source>
        <translation>A reserva não atinge o valor mínimo desta promoção.</translation>
    </message>
    <message>
        <source>One of these codes cannot be combined with others.</source>
        <translation>Um destes códigos não pode ser combinado com outros.</translation>
    </message>
    <message>
        <source>The discount would make the booking free, which cannot be paid.</source>
        <translation>O desconto deixaria a reserva gratuita, e ela não poderia ser paga.</translation>
    </message>
    <message>
        <source>This promotion code has been used up.</source>
        <translation>Este código promocional já se esgotou.</translation>
    </message>
    <message>
        <source>This promotion&apos;s budget has been spent.</source>
        <translation>O orçamento desta promoção já foi gasto.</translation>
    </message>
    <message>
        <source>This customer has already used this promotion code as often as allowed.</source>
        <translation>Este cliente já usou este código promocional todas as vezes permitidas.</translation>
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
    <message>
        <source>Tour</source>
        <translation>Passeio</translation>
    </message>
    <message>
        <source>Excursion</source>
        <translation>Excursão</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Traslado</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Pacote</translation>
    </message>
    <message>
        <source>Airport pickup</source>
        <translation>Busca no aeroporto</translation>
    </message>
    <message>
        <source>Hotel to hotel</source>
        <translation>De hotel a hotel</translation>
    </message>
    <message>
        <source>Port transfer</source>
        <translation>Traslado ao porto</translation>
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
        <translation>%1%</translation>
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
    <name>reserva::ui::CatalogView</name>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preço</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Situação</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Ativo</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inativo</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Início</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duração</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacidade</translation>
    </message>
    <message>
        <source>Seats taken</source>
        <translation>Vagas ocupadas</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Livres</translation>
    </message>
    <message>
        <source>New product…</source>
        <translation>Novo produto…</translation>
    </message>
    <message>
        <source>Edit product…</source>
        <translation>Editar produto…</translation>
    </message>
    <message>
        <source>Add departure…</source>
        <translation>Adicionar saída…</translation>
    </message>
    <message>
        <source>Change departure…</source>
        <translation>Alterar saída…</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Todos os tipos</translation>
    </message>
    <message>
        <source>Kind filter</source>
        <translation>Filtro de tipo</translation>
    </message>
    <message>
        <source>Active and inactive</source>
        <translation>Ativos e inativos</translation>
    </message>
    <message>
        <source>Active only</source>
        <translation>Somente ativos</translation>
    </message>
    <message>
        <source>Inactive only</source>
        <translation>Somente inativos</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filtro de situação</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Locatário:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Situação:</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produtos</translation>
    </message>
    <message>
        <source>Departures</source>
        <translation>Saídas</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Novo produto</translation>
    </message>
    <message>
        <source>Edit product</source>
        <translation>Editar produto</translation>
    </message>
    <message>
        <source>Add departure</source>
        <translation>Adicionar saída</translation>
    </message>
    <message>
        <source>Change departure</source>
        <translation>Alterar saída</translation>
    </message>
    <message>
        <source>Product facts</source>
        <translation>Dados do produto</translation>
    </message>
    <message>
        <source>Product description</source>
        <translation>Descrição do produto</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Carregando…</translation>
    </message>
    <message numerus="yes">
        <source>%n shown, more below</source>
        <translation>
            <numerusform>%n exibido, há mais abaixo</numerusform>
            <numerusform>%n exibidos, há mais abaixo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n produto</numerusform>
            <numerusform>%n produtos</numerusform>
        </translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Não carregado</translation>
    </message>
    <message>
        <source>The catalog could not be loaded.</source>
        <translation>Não foi possível carregar o catálogo.</translation>
    </message>
    <message numerus="yes">
        <source>%n departure(s)</source>
        <translation>
            <numerusform>%n saída</numerusform>
            <numerusform>%n saídas</numerusform>
        </translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Catálogo</translation>
    </message>
    <message>
        <source>No product selected</source>
        <translation>Nenhum produto selecionado</translation>
    </message>
    <message>
        <source>Select a product to see its departures.</source>
        <translation>Selecione um produto para ver suas saídas.</translation>
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
        <translation>Inativo: não pode ser reservado</translation>
    </message>
    <message>
        <source>Choose a tenant first: new products belong to one.</source>
        <translation>Escolha primeiro um locatário: cada produto novo pertence a um.</translation>
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
    <message>
        <source>Promotion code</source>
        <translation>Código promocional</translation>
    </message>
    <message>
        <source>Optional; several separated by commas</source>
        <translation>Opcional; vários separados por vírgulas</translation>
    </message>
    <message>
        <source>Promotion &amp;code:</source>
        <translation>&amp;Código promocional:</translation>
    </message>
</context>
<context>
    <name>reserva::ui::ProductDialog</name>
    <message>
        <source>Can be booked</source>
        <translation>Pode ser reservado</translation>
    </message>
    <message>
        <source>Edit product</source>
        <translation>Editar produto</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Novo produto</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
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
        <translation>Descrição</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preço</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>ex.: %1</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moeda</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Ativo</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Situação do salvamento</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
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
        <translation>&amp;Descrição:</translation>
    </message>
    <message>
        <source>&amp;Price:</source>
        <translation>&amp;Preço:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Criar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>A new price applies to bookings made from now on; existing reservations keep theirs.</source>
        <translation>Um preço novo vale para as reservas feitas a partir de agora; as existentes mantêm o seu.</translation>
    </message>
    <message>
        <source>Enter a whole amount of %1 (it has no cents).</source>
        <translation>Digite um valor inteiro de %1 (não tem centavos).</translation>
    </message>
    <message numerus="yes">
        <source>Enter an amount like %1, with at most %n decimal(s).</source>
        <translation>
            <numerusform>Digite um valor como %1, com no máximo %n casa decimal.</numerusform>
            <numerusform>Digite um valor como %1, com no máximo %n casas decimais.</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the highlighted fields.</source>
        <translation>Verifique os campos destacados.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Salvando…</translation>
    </message>
</context>
<context>
    <name>reserva::ui::PromotionDialog</name>
    <message>
        <source>Percentage</source>
        <translation>Porcentagem</translation>
    </message>
    <message>
        <source>Fixed amount</source>
        <translation>Valor fixo</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Válido de</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Válido até</translation>
    </message>
    <message>
        <source>Can be combined with other stackable codes</source>
        <translation>Pode ser combinado com outros códigos acumuláveis</translation>
    </message>
    <message>
        <source>Active: can be used now</source>
        <translation>Ativo: pode ser usado agora</translation>
    </message>
    <message>
        <source>Edit promotion</source>
        <translation>Editar promoção</translation>
    </message>
    <message>
        <source>New promotion</source>
        <translation>Nova promoção</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>e.g. SUMMER25</source>
        <translation>ex.: VERAO25</translation>
    </message>
    <message>
        <source>Percentage discount</source>
        <translation>Desconto percentual</translation>
    </message>
    <message>
        <source>Fixed amount discount</source>
        <translation>Desconto de valor fixo</translation>
    </message>
    <message>
        <source>Percent off</source>
        <translation>Percentual de desconto</translation>
    </message>
    <message>
        <source>e.g. 12.5</source>
        <translation>ex.: 12,5</translation>
    </message>
    <message>
        <source>Amount off</source>
        <translation>Valor do desconto</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moeda</translation>
    </message>
    <message>
        <source>Any currency</source>
        <translation>Qualquer moeda</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produtos</translation>
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
        <translation>Sem limite</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Orçamento</translation>
    </message>
    <message>
        <source>Minimum amount</source>
        <translation>Valor mínimo</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Nenhum</translation>
    </message>
    <message>
        <source>Stackable</source>
        <translation>Acumulável</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Ativo</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Situação do salvamento</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuso horário</translation>
    </message>
    <message>
        <source>None checked: every product.</source>
        <translation>Nenhum marcado: todos os produtos.</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Código:</translation>
    </message>
    <message>
        <source>Discount:</source>
        <translation>Desconto:</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>&amp;Moeda:</translation>
    </message>
    <message>
        <source>&amp;Products:</source>
        <translation>&amp;Produtos:</translation>
    </message>
    <message>
        <source>Valid &amp;from:</source>
        <translation>Válido &amp;de:</translation>
    </message>
    <message>
        <source>Valid &amp;until:</source>
        <translation>Válido &amp;até:</translation>
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
        <translation>&amp;Orçamento:</translation>
    </message>
    <message>
        <source>Mi&amp;nimum amount:</source>
        <translation>Valor mí&amp;nimo:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Criar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>A limit cannot be removed; raise it instead.</source>
        <translation>Um limite não pode ser removido; aumente-o em vez disso.</translation>
    </message>
    <message>
        <source>A budget or a minimum amount needs a currency.</source>
        <translation>Um orçamento ou um valor mínimo precisa de uma moeda.</translation>
    </message>
    <message>
        <source>Not an amount of %1.</source>
        <translation>Não é um valor válido de %1.</translation>
    </message>
    <message>
        <source>Enter a percentage above 0 and up to 100, with at most two decimals.</source>
        <translation>Digite uma porcentagem acima de 0 e até 100, com no máximo duas casas decimais.</translation>
    </message>
    <message>
        <source>A fixed discount needs a currency.</source>
        <translation>Um desconto fixo precisa de uma moeda.</translation>
    </message>
    <message>
        <source>Enter an amount of %1 above zero.</source>
        <translation>Digite um valor de %1 acima de zero.</translation>
    </message>
    <message>
        <source>Check the highlighted fields.</source>
        <translation>Verifique os campos destacados.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Salvando…</translation>
    </message>
    <message>
        <source>This tenant already has a promotion with that code.</source>
        <translation>Este locatário já tem uma promoção com esse código.</translation>
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
        <translation>Desconto</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Válido de</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Válido até</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>Usos</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Situação</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Ativo</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inativo</translation>
    </message>
    <message>
        <source>Released: hold expired</source>
        <translation>Liberado: a retenção expirou</translation>
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
        <translation>Usado em</translation>
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
        <translation>Nova promoção…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Desativar</translation>
    </message>
    <message>
        <source>Active and inactive</source>
        <translation>Ativos e inativos</translation>
    </message>
    <message>
        <source>Active only</source>
        <translation>Somente ativos</translation>
    </message>
    <message>
        <source>Inactive only</source>
        <translation>Somente inativos</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filtro de situação</translation>
    </message>
    <message>
        <source>Code filter</source>
        <translation>Filtro de código</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Locatário:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Situação:</translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>C&amp;ódigo:</translation>
    </message>
    <message>
        <source>Promotions</source>
        <translation>Promoções</translation>
    </message>
    <message>
        <source>New promotion</source>
        <translation>Nova promoção</translation>
    </message>
    <message>
        <source>Edit promotion</source>
        <translation>Editar promoção</translation>
    </message>
    <message>
        <source>Deactivate promotion</source>
        <translation>Desativar promoção</translation>
    </message>
    <message>
        <source>Stops new uses. Codes are never deleted: reservations refer to them. Edit the code to activate it again.</source>
        <translation>Impede novos usos. Os códigos nunca são excluídos: as reservas fazem referência a eles. Edite o código para ativá-lo novamente.</translation>
    </message>
    <message>
        <source>Promotion terms</source>
        <translation>Condições da promoção</translation>
    </message>
    <message>
        <source>Redemptions</source>
        <translation>Usos do código</translation>
    </message>
    <message>
        <source>Settings of the tenant</source>
        <translation>Configurações do locatário</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Carregando…</translation>
    </message>
    <message numerus="yes">
        <source>%n shown, more below</source>
        <translation>
            <numerusform>%n exibido, há mais abaixo</numerusform>
            <numerusform>%n exibidos, há mais abaixo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n promotion(s)</source>
        <translation>
            <numerusform>%n promoção</numerusform>
            <numerusform>%n promoções</numerusform>
        </translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Não carregado</translation>
    </message>
    <message>
        <source>The promotions could not be loaded.</source>
        <translation>Não foi possível carregar as promoções.</translation>
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
        <translation>Nenhuma promoção selecionada</translation>
    </message>
    <message>
        <source>Select a promotion to see its terms and uses.</source>
        <translation>Selecione uma promoção para ver suas condições e usos.</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moeda</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Qualquer</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produtos</translation>
    </message>
    <message>
        <source>Every product</source>
        <translation>Todos os produtos</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Vigência</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>de %1 a %2</translation>
    </message>
    <message>
        <source>Per customer</source>
        <translation>Por cliente</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sem limite</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Orçamento</translation>
    </message>
    <message>
        <source>No limit (%1 given)</source>
        <translation>Sem limite (%1 concedido)</translation>
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
        <translation>Nenhum</translation>
    </message>
    <message>
        <source>Stackable</source>
        <translation>Acumulável</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sim</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Não</translation>
    </message>
    <message>
        <source>Choose a tenant first: codes belong to one.</source>
        <translation>Escolha primeiro um locatário: cada código pertence a um.</translation>
    </message>
    <message>
        <source>The promotion could not be deactivated.</source>
        <translation>Não foi possível desativar a promoção.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::ReleaseOnRefundSetting</name>
    <message>
        <source>Give promotion uses back when a paid reservation is fully refunded</source>
        <translation>Devolver os usos da promoção quando uma reserva paga é totalmente reembolsada</translation>
    </message>
    <message>
        <source>Release on refund</source>
        <translation>Liberar ao reembolsar</translation>
    </message>
    <message>
        <source>Choose a tenant to see its setting.</source>
        <translation>Escolha um locatário para ver sua configuração.</translation>
    </message>
    <message>
        <source>Off by default, so a campaign that closed after its last paid use does not reopen because a customer was refunded.</source>
        <translation>Desativado por padrão, para que uma campanha encerrada após o último uso pago não seja reaberta porque um cliente foi reembolsado.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Não foi salvo: %1</translation>
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
<context>
    <name>reserva::ui::SlotDialog</name>
    <message>
        <source>Change departure</source>
        <translation>Alterar saída</translation>
    </message>
    <message>
        <source>New departure</source>
        <translation>Nova saída</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>Começa</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duração</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacidade</translation>
    </message>
    <message>
        <source> seats</source>
        <translation> vagas</translation>
    </message>
    <message>
        <source>Seats taken</source>
        <translation>Vagas ocupadas</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Situação do salvamento</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) held or sold</source>
        <translation>
            <numerusform>%n vaga retida ou vendida</numerusform>
            <numerusform>%n vagas retidas ou vendidas</numerusform>
        </translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Nenhuma ainda</translation>
    </message>
    <message>
        <source>&amp;Starts at:</source>
        <translation>&amp;Começa:</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Duração:</translation>
    </message>
    <message>
        <source>&amp;Capacity:</source>
        <translation>C&amp;apacidade:</translation>
    </message>
    <message>
        <source>Seats taken:</source>
        <translation>Vagas ocupadas:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Criar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Salvando…</translation>
    </message>
    <message numerus="yes">
        <source>The capacity cannot be lower than the %n seat(s) already held or sold. Cancel reservations first, or choose at least %n.</source>
        <translation>
            <numerusform>A capacidade não pode ser menor que a %n vaga já retida ou vendida. Cancele reservas primeiro ou escolha pelo menos %n.</numerusform>
            <numerusform>A capacidade não pode ser menor que as %n vagas já retidas ou vendidas. Cancele reservas primeiro ou escolha pelo menos %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reserva::ui::TenantChooser</name>
    <message>
        <source>Tenant filter</source>
        <translation>Filtro de locatário</translation>
    </message>
    <message>
        <source>All tenants</source>
        <translation>Todos os locatários</translation>
    </message>
</context>
</TS>
