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
    <message>
        <source>Created</source>
        <comment>payment</comment>
        <translation>Criado</translation>
    </message>
    <message>
        <source>Processing</source>
        <comment>payment</comment>
        <translation>Em processamento</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <comment>payment</comment>
        <translation>Concluído</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>payment</comment>
        <translation>Falhou</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>payment</comment>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Partially refunded</source>
        <comment>payment</comment>
        <translation>Reembolsado em parte</translation>
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
    <name>reserva::ui::AuditChainStatus</name>
    <message>
        <source>&amp;Verify chain</source>
        <translation>&amp;Verificar cadeia</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Chain status</source>
        <translation>Status da cadeia</translation>
    </message>
    <message>
        <source>Chain verification</source>
        <translation>Verificação da cadeia</translation>
    </message>
    <message>
        <source>Verifying the chain</source>
        <translation>Verificando a cadeia</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>Verificar cadeia</translation>
    </message>
    <message>
        <source>Recompute every link of the audit trail&apos;s hash chain on the server.</source>
        <translation>Recalcular no servidor cada elo da cadeia de hashes da trilha de auditoria.</translation>
    </message>
    <message>
        <source>Cancel verification</source>
        <translation>Cancelar verificação</translation>
    </message>
    <message>
        <source>The hash chain has not been verified yet.</source>
        <translation>A cadeia de hashes ainda não foi verificada.</translation>
    </message>
    <message>
        <source>Verifying the hash chain…</source>
        <translation>Verificando a cadeia de hashes…</translation>
    </message>
    <message>
        <source>Verification cancelled.</source>
        <translation>Verificação cancelada.</translation>
    </message>
    <message numerus="yes">
        <source>Chain intact: %n link(s) verified.</source>
        <translation>
            <numerusform>Cadeia íntegra: %n elo verificado.</numerusform>
            <numerusform>Cadeia íntegra: %n elos verificados.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) awaiting sealing.</source>
        <translation>
            <numerusform>%n entrada aguardando selagem.</numerusform>
            <numerusform>%n entradas aguardando selagem.</numerusform>
        </translation>
    </message>
    <message>
        <source>link #%1</source>
        <translation>elo nº %1</translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation>entrada %1</translation>
    </message>
    <message numerus="yes">
        <source>Chain BROKEN at %1: %2. %n link(s) before it verified.</source>
        <translation>
            <numerusform>Cadeia ROMPIDA em %1: %2. %n elo anterior verificado.</numerusform>
            <numerusform>Cadeia ROMPIDA em %1: %2. %n elos anteriores verificados.</numerusform>
        </translation>
    </message>
    <message>
        <source>a link of the chain is missing</source>
        <translation>falta um elo da cadeia</translation>
    </message>
    <message>
        <source>the link does not follow the one before it</source>
        <translation>o elo não dá sequência ao anterior</translation>
    </message>
    <message>
        <source>the entry was deleted</source>
        <translation>a entrada foi excluída</translation>
    </message>
    <message>
        <source>the entry was changed after it was sealed</source>
        <translation>a entrada foi alterada depois de selada</translation>
    </message>
    <message>
        <source>the entry is neither in the chain nor waiting to be sealed</source>
        <translation>a entrada não está na cadeia nem aguardando selagem</translation>
    </message>
    <message>
        <source>The chain could not be verified: %1</source>
        <translation>Não foi possível verificar a cadeia: %1</translation>
    </message>
</context>
<context>
    <name>reserva::ui::AuditCsvExport</name>
    <message>
        <source>An export is already running.</source>
        <translation>Já há uma exportação em andamento.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>Não foi possível gravar %1: %2</translation>
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
    <message>
        <source>Resource, e.g. user:&lt;id&gt;</source>
        <translation>Recurso, ex.: user:&lt;id&gt;</translation>
    </message>
    <message>
        <source>Resource filter</source>
        <translation>Filtro por recurso</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;De:</translation>
    </message>
    <message>
        <source>From time filter</source>
        <translation>Filtro de horário inicial</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>A&amp;té:</translation>
    </message>
    <message>
        <source>Until time filter</source>
        <translation>Filtro de horário final</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exportar CSV…</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Cancelar exportação</translation>
    </message>
    <message>
        <source>Filter from a time</source>
        <translation>Filtrar a partir de um horário</translation>
    </message>
    <message>
        <source>Entries at or after this time (your time zone)</source>
        <translation>Entradas neste horário ou depois dele (no seu fuso horário)</translation>
    </message>
    <message>
        <source>Filter until a time</source>
        <translation>Filtrar até um horário</translation>
    </message>
    <message>
        <source>Entries before this time (your time zone)</source>
        <translation>Entradas antes deste horário (no seu fuso horário)</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Locatário:</translation>
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
        <translation>Salvar em um arquivo CSV as entradas selecionadas pelos filtros.</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Progresso da exportação</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Status da exportação</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>Exportar a trilha de auditoria</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Arquivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export cancelled; %1 was not written.</source>
        <translation>Exportação cancelada; %1 não foi gravado.</translation>
    </message>
    <message>
        <source>Export failed; %1 was not written. %2</source>
        <translation>A exportação falhou; %1 não foi gravado. %2</translation>
    </message>
    <message numerus="yes">
        <source>Exporting… %Ln row(s) written</source>
        <translation>
            <numerusform>Exportando… %Ln linha gravada</numerusform>
            <numerusform>Exportando… %Ln linhas gravadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) exported to %1</source>
        <translation>
            <numerusform>%Ln linha exportada para %1</numerusform>
            <numerusform>%Ln linhas exportadas para %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reserva::ui::AvailabilityCalendar</name>
    <message>
        <source>Availability calendar</source>
        <translation>Calendário de disponibilidade</translation>
    </message>
    <message numerus="yes">
        <source>%n departure(s)</source>
        <translation>
            <numerusform>%n saída</numerusform>
            <numerusform>%n saídas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, sold out</source>
        <translation>%1, sem vagas</translation>
    </message>
    <message>
        <source>%1, %2 of %3 seats left</source>
        <translation>%1, %2 de %3 vagas livres</translation>
    </message>
    <message>
        <source>Sold out</source>
        <translation>Esgotado</translation>
    </message>
    <message numerus="yes">
        <source>%n dep.</source>
        <translation>
            <numerusform>%n saída</numerusform>
            <numerusform>%n saídas</numerusform>
        </translation>
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
    <message>
        <source>&amp;List</source>
        <translation>L&amp;ista</translation>
    </message>
    <message>
        <source>&amp;Calendar</source>
        <translation>&amp;Calendário</translation>
    </message>
    <message>
        <source>No departures on %1</source>
        <translation>Nenhuma saída em %1</translation>
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
    <name>reserva::ui::DashboardView</name>
    <message>
        <source>Today&apos;s departures</source>
        <translation>Saídas de hoje</translation>
    </message>
    <message>
        <source>Pending payments</source>
        <translation>Pagamentos pendentes</translation>
    </message>
    <message>
        <source>Holds about to expire</source>
        <translation>Retenções prestes a expirar</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Horário</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produto</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Lugares</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Pagos</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Reservations</source>
        <translation>Reservas</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expira às</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Locatário:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Holds expiring within, in minutes</source>
        <translation>Prazo das retenções a expirar, em minutos</translation>
    </message>
    <message>
        <source>Holds ending &amp;within:</source>
        <translation>Retenções que expiram em &amp;até:</translation>
    </message>
    <message>
        <source>Dashboard status</source>
        <translation>Status do painel</translation>
    </message>
    <message>
        <source>Occupancy chart</source>
        <translation>Gráfico de ocupação</translation>
    </message>
    <message>
        <source>Revenue chart</source>
        <translation>Gráfico de receita</translation>
    </message>
    <message>
        <source>Click a currency in the legend to hide or show it.</source>
        <translation>Clique em uma moeda na legenda para ocultá-la ou exibi-la.</translation>
    </message>
    <message>
        <source>Seats per departure, next 14 days</source>
        <translation>Lugares por saída, próximos 14 dias</translation>
    </message>
    <message>
        <source>Revenue per day, last 14 days</source>
        <translation>Receita por dia, últimos 14 dias</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Painel</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Carregando…</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Não carregado</translation>
    </message>
    <message>
        <source>The dashboard could not be loaded.</source>
        <translation>Não foi possível carregar o painel.</translation>
    </message>
    <message>
        <source>only the first entries are shown</source>
        <translation>apenas os primeiros itens são exibidos</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Reservation %1, departure %2</source>
        <translation>Reserva %1, saída %2</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Retidos</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Livres</translation>
    </message>
    <message>
        <source>No departures in the next 14 days</source>
        <translation>Nenhuma saída nos próximos 14 dias</translation>
    </message>
    <message>
        <source>%1, %2
%3 of %4 seats taken, %5 paid</source>
        <translation>%1, %2
%3 de %4 lugares ocupados, %5 pagos</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 from %n payment(s)</source>
        <translation>
            <numerusform>%1: %2 em %n pagamento</numerusform>
            <numerusform>%1: %2 em %n pagamentos</numerusform>
        </translation>
    </message>
    <message>
        <source>No payments in the last 14 days</source>
        <translation>Nenhum pagamento nos últimos 14 dias</translation>
    </message>
    <message>
        <source>Updated at %1; days are in the %2 time zone</source>
        <translation>Atualizado às %1; os dias estão no fuso horário %2</translation>
    </message>
</context>
<context>
    <name>reserva::ui::EditorSave</name>
    <message>
        <source>Saving…</source>
        <translation>Salvando…</translation>
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
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
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
    <message>
        <source>Check the transfer details marked below.</source>
        <translation>Confira os dados do traslado marcados abaixo.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::PaymentDialog</name>
    <message>
        <source>&amp;Start payment</source>
        <translation>&amp;Iniciar pagamento</translation>
    </message>
    <message>
        <source>Start a payment</source>
        <translation>Iniciar um pagamento</translation>
    </message>
    <message>
        <source>Payment provider</source>
        <translation>Provedor de pagamento</translation>
    </message>
    <message>
        <source>Pix takes payments in Brazilian reais (BRL) only.</source>
        <translation>O Pix aceita pagamentos somente em reais (BRL).</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>Status do pagamento</translation>
    </message>
    <message>
        <source>Payment details for the customer</source>
        <translation>Dados de pagamento para o cliente</translation>
    </message>
    <message>
        <source>Checkout link</source>
        <translation>Link de pagamento</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Copy the payment details</source>
        <translation>Copiar os dados de pagamento</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Provedor:</translation>
    </message>
    <message>
        <source>Asking the provider…</source>
        <translation>Consultando o provedor…</translation>
    </message>
    <message>
        <source>Send the customer this checkout link:</source>
        <translation>Envie ao cliente este link de pagamento:</translation>
    </message>
    <message>
        <source>Open the checkout page</source>
        <translation>Abrir a página de pagamento</translation>
    </message>
    <message>
        <source>Give the customer this Pix code (copy and paste):</source>
        <translation>Passe ao cliente este código Pix copia e cola:</translation>
    </message>
    <message>
        <source>Stripe payment created. The payment page needs this client secret:</source>
        <translation>Pagamento Stripe criado. A página de pagamento precisa desta chave secreta do cliente (client secret):</translation>
    </message>
    <message>
        <source>Waiting for the provider to confirm the payment. The reservation shows as paid as soon as it does.</source>
        <translation>Aguardando o provedor confirmar o pagamento. A reserva aparece como paga assim que isso acontecer.</translation>
    </message>
    <message>
        <source>It is not known whether the payment was created. &quot;Try again&quot; is safe: it cannot charge twice.</source>
        <translation>Não se sabe se o pagamento foi criado. &quot;Tentar novamente&quot; é seguro: não cobra duas vezes.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Tentar novamente</translation>
    </message>
    <message numerus="yes">
        <source>%1 for %n seat(s), %2</source>
        <translation>
            <numerusform>%1, %n lugar, %2</numerusform>
            <numerusform>%1, %n lugares, %2</numerusform>
        </translation>
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
    <message>
        <source>Start &amp;payment…</source>
        <translation>Iniciar &amp;pagamento…</translation>
    </message>
    <message>
        <source>Cance&amp;l reservation…</source>
        <translation>Cance&amp;lar reserva…</translation>
    </message>
    <message>
        <source>Start a payment</source>
        <translation>Iniciar um pagamento</translation>
    </message>
    <message>
        <source>Create a payment at Stripe, Mercado Pago or Pix and show what to send the customer</source>
        <translation>Criar um pagamento no Stripe, no Mercado Pago ou via Pix e mostrar o que enviar ao cliente</translation>
    </message>
    <message>
        <source>Cancel the reservation</source>
        <translation>Cancelar a reserva</translation>
    </message>
    <message>
        <source>Cancel this unpaid reservation and release its seats</source>
        <translation>Cancelar esta reserva não paga e liberar seus lugares</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provedor</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Criado em</translation>
    </message>
    <message>
        <source>Payments of the reservation</source>
        <translation>Pagamentos da reserva</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>What</source>
        <translation>O quê</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>History of the reservation</source>
        <translation>Histórico da reserva</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Pagamentos</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Histórico</translation>
    </message>
    <message>
        <source>The payments and history could not be loaded.</source>
        <translation>Não foi possível carregar os pagamentos e o histórico.</translation>
    </message>
    <message>
        <source>%1 — refund needed</source>
        <translation>%1 — reembolso necessário</translation>
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
        <translation>Retenção expirada</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paga</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Reembolsada</translation>
    </message>
    <message>
        <source>Payment started</source>
        <translation>Pagamento iniciado</translation>
    </message>
    <message>
        <source>Payment to refund</source>
        <translation>Pagamento a reembolsar</translation>
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
            <numerusform>Embarque %1, %n passageiro</numerusform>
            <numerusform>Embarque %1, %n passageiros</numerusform>
        </translation>
    </message>
    <message>
        <source>Flight %1 at %2</source>
        <translation>Voo %1 em %2</translation>
    </message>
    <message>
        <source>Ship %1 at %2</source>
        <translation>Navio %1 em %2</translation>
    </message>
    <message>
        <source>Payment processing</source>
        <translation>Pagamento em processamento</translation>
    </message>
    <message>
        <source>Payment succeeded</source>
        <translation>Pagamento concluído</translation>
    </message>
    <message>
        <source>Payment failed</source>
        <translation>Pagamento falhou</translation>
    </message>
    <message>
        <source>Payment cancelled</source>
        <translation>Pagamento cancelado</translation>
    </message>
    <message>
        <source>Payment partially refunded</source>
        <translation>Pagamento reembolsado em parte</translation>
    </message>
    <message>
        <source>Payment refunded</source>
        <translation>Pagamento reembolsado</translation>
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
    <message>
        <source>Cancel reservation</source>
        <translation>Cancelar reserva</translation>
    </message>
    <message numerus="yes">
        <source>Cancel the reservation of %1 for %n seat(s)? Its seats are released at once. This cannot be undone.</source>
        <translation>
            <numerusform>Cancelar a reserva de %1 (%n lugar)? O lugar é liberado imediatamente. Não é possível desfazer.</numerusform>
            <numerusform>Cancelar a reserva de %1 (%n lugares)? Os lugares são liberados imediatamente. Não é possível desfazer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Manter reserva</translation>
    </message>
    <message>
        <source>The reservation could not be cancelled.</source>
        <translation>Não foi possível cancelar a reserva.</translation>
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
<context>
    <name>reserva::ui::TenantDialog</name>
    <message>
        <source>New tenant</source>
        <translation>Novo locatário</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>e.g. Patagonia Adventures</source>
        <translation>ex.: Pantanal Aventuras</translation>
    </message>
    <message>
        <source>Slug</source>
        <translation>Identificador</translation>
    </message>
    <message>
        <source>e.g. patagonia-adventures</source>
        <translation>ex.: pantanal-aventuras</translation>
    </message>
    <message>
        <source>Lower-case letters, digits and dashes. It cannot be changed later.</source>
        <translation>Letras minúsculas, dígitos e hifens. Não pode ser alterado depois.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>&amp;Slug:</source>
        <translation>&amp;Identificador:</translation>
    </message>
    <message>
        <source>The slug names the tenant on the command line and in imports (reservad catalog import --tenant SLUG).</source>
        <translation>O identificador (slug) designa o locatário na linha de comando e nas importações (reservad catalog import --tenant SLUG).</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Situação do salvamento</translation>
    </message>
    <message>
        <source>Create tenant</source>
        <translation>Criar locatário</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Enter the tenant&apos;s name.</source>
        <translation>Digite o nome do locatário.</translation>
    </message>
    <message>
        <source>Enter a slug.</source>
        <translation>Digite um identificador.</translation>
    </message>
    <message>
        <source>Check the highlighted fields.</source>
        <translation>Verifique os campos destacados.</translation>
    </message>
    <message>
        <source>Another tenant already has this slug.</source>
        <translation>Outro locatário já usa este identificador.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::TransferDetailForm</name>
    <message>
        <source>Transfer details</source>
        <translation>Dados do traslado</translation>
    </message>
    <message>
        <source>Pickup place</source>
        <translation>Local de embarque</translation>
    </message>
    <message>
        <source>Hotel, terminal or address</source>
        <translation>Hotel, terminal ou endereço</translation>
    </message>
    <message>
        <source>Drop-off place</source>
        <translation>Local de destino</translation>
    </message>
    <message>
        <source>Pickup time</source>
        <translation>Horário de embarque</translation>
    </message>
    <message>
        <source>Passengers</source>
        <translation>Passageiros</translation>
    </message>
    <message>
        <source>Pieces of luggage</source>
        <translation>Volumes de bagagem</translation>
    </message>
    <message>
        <source>Airport code</source>
        <translation>Código do aeroporto</translation>
    </message>
    <message>
        <source>IATA code, e.g. GRU</source>
        <translation>Código IATA, ex.: GRU</translation>
    </message>
    <message>
        <source>Flight number</source>
        <translation>Número do voo</translation>
    </message>
    <message>
        <source>e.g. LA3456</source>
        <translation>ex.: LA3456</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Porto</translation>
    </message>
    <message>
        <source>Vessel name</source>
        <translation>Nome do navio</translation>
    </message>
    <message>
        <source>Pic&amp;kup place:</source>
        <translation>Local de em&amp;barque:</translation>
    </message>
    <message>
        <source>D&amp;rop-off place:</source>
        <translation>Local de &amp;destino:</translation>
    </message>
    <message>
        <source>Pickup &amp;time:</source>
        <translation>&amp;Horário de embarque:</translation>
    </message>
    <message>
        <source>Pa&amp;ssengers:</source>
        <translation>Pa&amp;ssageiros:</translation>
    </message>
    <message>
        <source>L&amp;uggage:</source>
        <translation>&amp;Bagagem:</translation>
    </message>
    <message>
        <source>&amp;Airport:</source>
        <translation>&amp;Aeroporto:</translation>
    </message>
    <message>
        <source>&amp;Flight:</source>
        <translation>&amp;Voo:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;orto:</translation>
    </message>
    <message>
        <source>&amp;Vessel:</source>
        <translation>&amp;Navio:</translation>
    </message>
    <message>
        <source>Say where the customer is picked up.</source>
        <translation>Informe onde o cliente será buscado.</translation>
    </message>
    <message>
        <source>Say where the customer is taken.</source>
        <translation>Informe para onde o cliente será levado.</translation>
    </message>
    <message>
        <source>The pickup must be within the departure&apos;s time.</source>
        <translation>O embarque precisa estar dentro do horário da saída.</translation>
    </message>
    <message numerus="yes">
        <source>No more passengers than seats booked (%n).</source>
        <translation>
            <numerusform>Não mais passageiros que lugares reservados (%n).</numerusform>
            <numerusform>Não mais passageiros que lugares reservados (%n).</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the number of pieces of luggage.</source>
        <translation>Informe a quantidade de volumes de bagagem.</translation>
    </message>
    <message>
        <source>Enter the airport&apos;s 3-letter IATA code, e.g. GRU.</source>
        <translation>Digite o código IATA de 3 letras do aeroporto, ex.: GRU.</translation>
    </message>
    <message>
        <source>Enter the flight number: airline code and 1 to 4 digits, e.g. LA3456.</source>
        <translation>Digite o número do voo: código da companhia aérea e de 1 a 4 dígitos, ex.: LA3456.</translation>
    </message>
    <message>
        <source>Say at which port the customer is met.</source>
        <translation>Informe em qual porto o cliente será recebido.</translation>
    </message>
    <message>
        <source>Enter the ship&apos;s name.</source>
        <translation>Digite o nome do navio.</translation>
    </message>
    <message>
        <source>This product&apos;s transfer kind is not known to this version of Reserva.</source>
        <translation>Esta versão do Reserva não conhece o tipo de traslado deste produto.</translation>
    </message>
    <message>
        <source>Check this field.</source>
        <translation>Confira este campo.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::UserDialog</name>
    <message>
        <source>Everything, in every tenant. Has no tenant of its own.</source>
        <translation>Tudo, em todos os locatários. Não pertence a nenhum locatário.</translation>
    </message>
    <message>
        <source>Runs one tenant: catalog, promotions, its staff&apos;s accounts.</source>
        <translation>Administra um locatário: catálogo, promoções e as contas da sua equipe.</translation>
    </message>
    <message>
        <source>Books and looks after reservations of one tenant.</source>
        <translation>Faz e acompanha as reservas de um locatário.</translation>
    </message>
    <message>
        <source>Reads the audit trail (of one tenant, or of all without one).</source>
        <translation>Consulta a trilha de auditoria (de um locatário ou, sem locatário, de todos).</translation>
    </message>
    <message>
        <source>Edit user %1</source>
        <translation>Editar usuário %1</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Novo usuário</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Usuário</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Usuário:</translation>
    </message>
    <message>
        <source>e.g. maria.gomez</source>
        <translation>ex.: maria.souza</translation>
    </message>
    <message>
        <source>Letters, digits and . _ @ -; 3 to 64 characters.</source>
        <translation>Letras, dígitos e . _ @ -; de 3 a 64 caracteres.</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Usuário:</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>Funções:</translation>
    </message>
    <message>
        <source>None (platform-wide)</source>
        <translation>Nenhum (toda a plataforma)</translation>
    </message>
    <message>
        <source>This tenant</source>
        <translation>Este locatário</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Locatário</translation>
    </message>
    <message>
        <source>Tenant:</source>
        <translation>Locatário:</translation>
    </message>
    <message>
        <source>May sign in</source>
        <translation>Pode entrar</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Ativo</translation>
    </message>
    <message>
        <source>Clearing it signs the user out everywhere at once.</source>
        <translation>Ao desmarcar, o usuário é desconectado de todos os lugares imediatamente.</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Locatário:</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nova senha</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Senha</translation>
    </message>
    <message>
        <source>Leave empty to keep the current one</source>
        <translation>Deixe em branco para manter a atual</translation>
    </message>
    <message>
        <source>At least 10 characters</source>
        <translation>Pelo menos 10 caracteres</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Repetir senha</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>Nova &amp;senha:</translation>
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
        <source>Document type</source>
        <translation>Tipo de documento</translation>
    </message>
    <message>
        <source>Type, e.g. dni</source>
        <translation>Tipo, ex.: cpf</translation>
    </message>
    <message>
        <source>The kind of document, e.g. dni, cpf, passport.</source>
        <translation>O tipo de documento, ex.: cpf, dni, passport.</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Número do documento</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Identity &amp;document:</source>
        <translation>&amp;Documento de identidade:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>Create user</source>
        <translation>Criar usuário</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>A new password or clearing “May sign in” ends every session of this user at once.</source>
        <translation>Definir uma nova senha ou desmarcar “Pode entrar” encerra imediatamente todas as sessões deste usuário.</translation>
    </message>
    <message>
        <source>The identity document is optional; when given, it is verified at every sign-in.</source>
        <translation>O documento de identidade é opcional; quando informado, é verificado a cada acesso.</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Situação do salvamento</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>Escolha pelo menos uma função.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>As duas senhas são diferentes.</translation>
    </message>
    <message>
        <source>Enter a username.</source>
        <translation>Digite um nome de usuário.</translation>
    </message>
    <message>
        <source>Enter an initial password.</source>
        <translation>Digite uma senha inicial.</translation>
    </message>
    <message>
        <source>Partner roles belong to a tenant: choose one.</source>
        <translation>As funções de parceiro pertencem a um locatário: escolha um.</translation>
    </message>
    <message>
        <source>Give both the document type and its number, or neither.</source>
        <translation>Informe o tipo e o número do documento, ou nenhum dos dois.</translation>
    </message>
    <message>
        <source>Check the highlighted fields.</source>
        <translation>Verifique os campos destacados.</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Nada foi alterado.</translation>
    </message>
    <message>
        <source>That username is taken.</source>
        <translation>Esse nome de usuário já está em uso.</translation>
    </message>
</context>
<context>
    <name>reserva::ui::UsersView</name>
    <message>
        <source>Active</source>
        <translation>Ativo</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Desativado</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verificado</translation>
    </message>
    <message>
        <source>No document</source>
        <translation>Sem documento</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Recusado</translation>
    </message>
    <message>
        <source>Not verified (service down)</source>
        <translation>Não verificado (serviço fora do ar)</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Não verificado</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Slug</source>
        <translation>Identificador</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Criado em</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>New user…</source>
        <translation>Novo usuário…</translation>
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
        <source>Username</source>
        <translation>Usuário</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Funções</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Locatário</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identidade</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Locatário:</translation>
    </message>
    <message>
        <source>The staff of your tenant.</source>
        <translation>A equipe do seu locatário.</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuários</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Novo usuário</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>Editar usuário</translation>
    </message>
    <message>
        <source>Roles, whether the user may sign in, a new password.</source>
        <translation>Funções, se o usuário pode entrar, nova senha.</translation>
    </message>
    <message>
        <source>Deactivate or reactivate user</source>
        <translation>Desativar ou reativar usuário</translation>
    </message>
    <message>
        <source>User details</source>
        <translation>Detalhes do usuário</translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation>Locatários</translation>
    </message>
    <message>
        <source>New tenant…</source>
        <translation>Novo locatário…</translation>
    </message>
    <message>
        <source>New tenant</source>
        <translation>Novo locatário</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Usuários</translation>
    </message>
    <message>
        <source>Te&amp;nants</source>
        <translation>Loca&amp;tários</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Carregando…</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Não carregado</translation>
    </message>
    <message>
        <source>The tenants could not be loaded.</source>
        <translation>Não foi possível carregar os locatários.</translation>
    </message>
    <message numerus="yes">
        <source>%n shown, more below</source>
        <translation>
            <numerusform>%n exibido, há mais abaixo</numerusform>
            <numerusform>%n exibidos, há mais abaixo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tenant(s)</source>
        <translation>
            <numerusform>%n locatário</numerusform>
            <numerusform>%n locatários</numerusform>
        </translation>
    </message>
    <message>
        <source>The users could not be loaded.</source>
        <translation>Não foi possível carregar os usuários.</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n usuário</numerusform>
            <numerusform>%n usuários</numerusform>
        </translation>
    </message>
    <message>
        <source>Users and tenants</source>
        <translation>Usuários e locatários</translation>
    </message>
    <message>
        <source>None (platform-wide)</source>
        <translation>Nenhum (toda a plataforma)</translation>
    </message>
    <message>
        <source>No user selected</source>
        <translation>Nenhum usuário selecionado</translation>
    </message>
    <message>
        <source>Select a user to see their roles and status.</source>
        <translation>Selecione um usuário para ver suas funções e seu status.</translation>
    </message>
    <message>
        <source>%1 (checked %2)</source>
        <translation>%1 (consulta em %2)</translation>
    </message>
    <message>
        <source>Active: may sign in</source>
        <translation>Ativo: pode entrar</translation>
    </message>
    <message>
        <source>Deactivated: cannot sign in</source>
        <translation>Desativado: não pode entrar</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>%1 on file</source>
        <translation>%1 cadastrado</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Alterado em</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>ID do usuário</translation>
    </message>
    <message>
        <source>This is you.</source>
        <translation>Este é você.</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Reativar</translation>
    </message>
    <message>
        <source>You cannot deactivate yourself.</source>
        <translation>Você não pode desativar sua própria conta.</translation>
    </message>
    <message>
        <source>A deactivated user cannot sign in, and their sessions end at once. Nothing is deleted.</source>
        <translation>Um usuário desativado não pode entrar, e as sessões dele são encerradas imediatamente. Nada é excluído.</translation>
    </message>
    <message>
        <source>Deactivate user</source>
        <translation>Desativar usuário</translation>
    </message>
    <message>
        <source>Deactivate %1?</source>
        <translation>Desativar %1?</translation>
    </message>
    <message>
        <source>They are signed out everywhere at once and cannot sign in until reactivated. Nothing of theirs is deleted.</source>
        <translation>O usuário é desconectado de todos os lugares imediatamente e não poderá entrar até ser reativado. Nenhum dado dele é excluído.</translation>
    </message>
    <message>
        <source>The user could not be reactivated.</source>
        <translation>Não foi possível reativar o usuário.</translation>
    </message>
    <message>
        <source>The user could not be deactivated.</source>
        <translation>Não foi possível desativar o usuário.</translation>
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
        <translation>Recebida em</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provedor</translation>
    </message>
    <message>
        <source>Event ID</source>
        <translation>ID do evento</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verificação</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Payment intent</source>
        <translation>Intenção de pagamento</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Aplicada</translation>
    </message>
    <message>
        <source>Duplicate (already applied)</source>
        <translation>Duplicada (já aplicada)</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignorada</translation>
    </message>
    <message>
        <source>Out of order (not applied)</source>
        <translation>Fora de ordem (não aplicada)</translation>
    </message>
    <message>
        <source>Unknown payment</source>
        <translation>Pagamento desconhecido</translation>
    </message>
    <message>
        <source>Rejected: wrong amount</source>
        <translation>Rejeitada: valor incorreto</translation>
    </message>
    <message>
        <source>Rejected: wrong currency</source>
        <translation>Rejeitada: moeda incorreta</translation>
    </message>
    <message>
        <source>Paid, refund required</source>
        <translation>Paga, requer reembolso</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Recusada</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Inválida</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verificada</translation>
    </message>
    <message>
        <source>Bad signature</source>
        <translation>Assinatura inválida</translation>
    </message>
    <message>
        <source>Stale signature</source>
        <translation>Assinatura expirada</translation>
    </message>
    <message>
        <source>Malformed</source>
        <translation>Formato inválido</translation>
    </message>
    <message>
        <source>Not authenticated</source>
        <translation>Não autenticada</translation>
    </message>
    <message>
        <source>Select a delivery to see what arrived and what was done with it.</source>
        <translation>Selecione uma entrega para ver o que chegou e o que foi feito com ela.</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Cabeçalhos</translation>
    </message>
    <message>
        <source>Query string</source>
        <translation>Parâmetros de consulta</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Corpo</translation>
    </message>
    <message>
        <source>All providers</source>
        <translation>Todos os provedores</translation>
    </message>
    <message>
        <source>Provider filter</source>
        <translation>Filtro por provedor</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Todos os resultados</translation>
    </message>
    <message>
        <source>Outcome filter</source>
        <translation>Filtro por resultado</translation>
    </message>
    <message>
        <source>“Refused” lists the deliveries whose signature or credentials did not verify: nothing of theirs was applied.</source>
        <translation>“Recusada” lista as entregas cuja assinatura ou credenciais não foram validadas: nada delas foi aplicado.</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Provedor:</translation>
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
        <translation>Recebida em:</translation>
    </message>
    <message>
        <source>Request ID:</source>
        <translation>ID da solicitação:</translation>
    </message>
    <message>
        <source>Answered:</source>
        <translation>Resposta:</translation>
    </message>
    <message>
        <source>Verification:</source>
        <translation>Verificação:</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Resultado:</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>Detalhes:</translation>
    </message>
    <message>
        <source>Payment:</source>
        <translation>Pagamento:</translation>
    </message>
    <message>
        <source>&amp;Body</source>
        <translation>&amp;Corpo</translation>
    </message>
    <message>
        <source>&amp;Headers</source>
        <translation>Cabeçal&amp;hos</translation>
    </message>
    <message>
        <source>&amp;Query string</source>
        <translation>Parâmetros de c&amp;onsulta</translation>
    </message>
    <message>
        <source>What arrived</source>
        <translation>O que chegou</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Carregando…</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>Não carregado</translation>
    </message>
    <message>
        <source>The webhook deliveries could not be loaded.</source>
        <translation>Não foi possível carregar as entregas de webhook.</translation>
    </message>
    <message numerus="yes">
        <source>%n shown, more below</source>
        <translation>
            <numerusform>%n exibida, há mais abaixo</numerusform>
            <numerusform>%n exibidas, há mais abaixo</numerusform>
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
        <translation>Entrega do %1</translation>
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
        <translation>Nenhum</translation>
    </message>
    <message>
        <source>Empty body.</source>
        <translation>Corpo vazio.</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s), exactly as received.</source>
        <translation>
            <numerusform>%n byte, exatamente como recebido.</numerusform>
            <numerusform>%n bytes, exatamente como recebidos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s), not text: shown in hexadecimal.</source>
        <translation>
            <numerusform>%n byte, não é texto: exibido em hexadecimal.</numerusform>
            <numerusform>%n bytes, não são texto: exibidos em hexadecimal.</numerusform>
        </translation>
    </message>
    <message>
        <source>No headers were kept.</source>
        <translation>Nenhum cabeçalho foi guardado.</translation>
    </message>
    <message>
        <source>No query parameters.</source>
        <translation>Nenhum parâmetro de consulta.</translation>
    </message>
    <message>
        <source>No payment intent (nothing was applied to a payment).</source>
        <translation>Nenhuma intenção de pagamento (nada foi aplicado a um pagamento).</translation>
    </message>
    <message>
        <source>Intent %1 — loading…</source>
        <translation>Intenção %1 — carregando…</translation>
    </message>
    <message>
        <source>Intent %1 (could not be loaded: %2)</source>
        <translation>Intenção %1 (não foi possível carregar: %2)</translation>
    </message>
    <message>
        <source>%1 · %2 · intent %3</source>
        <translation>%1 · %2 · intenção %3</translation>
    </message>
    <message>
        <source>Refunded: %1</source>
        <translation>Reembolsado: %1</translation>
    </message>
    <message>
        <source>Needs a refund: the payment arrived when it could not be kept.</source>
        <translation>Requer reembolso: o pagamento chegou quando já não podia ser aceito.</translation>
    </message>
    <message>
        <source>Reservation %1</source>
        <translation>Reserva %1</translation>
    </message>
</context>
</TS>
