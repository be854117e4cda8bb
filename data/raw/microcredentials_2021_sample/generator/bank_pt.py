"""Portuguese (European) sentence bank (format: see bank_en.py)."""

SENTENCES = r"""
## barriers
D2+ :: Os cursos curtos conciliam-se muito melhor com um emprego a tempo inteiro do que uma licenciatura completa.
D2+ D6+ :: Poder aprender em pequenos passos e juntá-los mais tarde reduz muito a barreira de entrada.
R7+ P10+ :: As pessoas não sabem que formação vale a pena; faz falta uma orientação independente, baseada em dados reais do mercado de trabalho.
D8+ :: As microcredenciais permitem responder depressa às novas necessidades de competências, sobretudo na transição verde e digital.
P08+ :: É preciso pôr a pessoa no centro: horários flexíveis, formação à distância e conteúdos que partam do que ela já sabe.
R8+ [I] :: Eu já teria feito mais cursos se fossem gratuitos ou pelo menos comparticipados.
P06+ :: Enquanto os empregadores não reconhecerem estes certificados, muitos não verão razão para se formar.
 :: Muitos adultos guardam más recordações da escola.
 :: A falta de tempo é o maior obstáculo: trabalho, deslocações, filhos.
 :: No interior do país a oferta de formação para adultos é escassa.

## definition
D1+ :: Faz sentido centrar a definição nos resultados de aprendizagem e não nas horas de presença.
D2~ :: Seria preciso esclarecer o que se entende por experiência «curta», senão cada entidade fará a sua interpretação.
D3+ :: A avaliação segundo critérios transparentes é o que torna uma microcredencial credível.
D4+ D5+ [I] :: O certificado tem de ser meu e tenho de o poder mostrar a qualquer empregador, em qualquer país.
D6+ :: Falta dizer que as microcredenciais podem ser autónomas ou combinadas em qualificações mais amplas.
D7+ P01+ :: A garantia da qualidade deve fazer parte da definição.
D7~ :: Referir a garantia da qualidade, sim, desde que isso não signifique reservar a emissão às universidades acreditadas.
 :: O termo inglês é difícil de traduzir.

## elements
S06+ :: Os resultados de aprendizagem são o essencial e devem ser descritos numa linguagem clara.
S07+ :: A carga de trabalho deve ser expressa em créditos ECTS sempre que possível.
S08~ :: Indicar o nível do QEQ é útil, desde que seja atribuído através do Quadro Nacional de Qualificações.
S13- :: A verificação de identidade em exames online levanta sérias questões de privacidade.
S04+ S05+ :: A entidade emissora e a data de emissão são indispensáveis.

## qa
D7+ P01+ :: As microcredenciais devem estar sujeitas à mesma garantia da qualidade, interna e externa, que os restantes cursos.
D7~ :: Garantia da qualidade, sim, mas proporcional: um curso de dois dias não pode passar pelo mesmo processo que um mestrado.
R1+ :: Normas europeias comuns de qualidade e transparência são a ação mais importante do roteiro.
R1~ :: As normas europeias são bem-vindas, desde que sejam voluntárias e respeitem as competências nacionais.
P04+ :: A avaliação tem de ser válida e fiável, caso contrário todo o sistema perde credibilidade.
P09+ :: Cada certificado deve ser infalsificável e verificável online.
 :: A A3ES devia ser envolvida desde o início.

## recognition
P06+ :: As microcredenciais deveriam ser reconhecidas tanto para prosseguir estudos como para o emprego.
R5+ :: Os processos de reconhecimento são demasiado lentos; precisamos de orientações para os acelerar.
R2~ :: Incluí-las no Quadro Nacional de Qualificações só faz sentido se estiver aberto à formação não formal e privada.
P06~ [we hei] :: Estamos disponíveis para reconhecer microcredenciais de outras instituições, desde que tenham garantia da qualidade conforme os ESG.
 :: Os empregadores querem competências, não papéis.

## portability
D4+ :: O certificado deve continuar a pertencer ao formando, mesmo que a entidade formadora feche.
R6+ :: O Europass e as suas credenciais digitais são a infraestrutura óbvia; não é preciso inventar nada de novo.
R6~ :: O Europass é bem-vindo, desde que seja interoperável com as soluções nacionais, como o Passaporte Qualifica.
D5+ P07+ :: Deve ser possível guardar os certificados em formato digital e partilhá-los entre países.

## credits
S07+ R4+ :: Os ECTS deviam ser usados em todos os setores: são a única moeda comum que temos.
R4- :: Os ECTS foram pensados para o ensino superior e devem ficar por lá.
S08+ R2+ :: Ligar as microcredenciais ao QEQ através dos quadros nacionais torná-las-ia comparáveis em toda a Europa.
 :: Em Portugal só as instituições de ensino superior atribuem ECTS.

## providers
R3+ :: Uma lista de entidades de confiança daria segurança a formandos e empregadores.
R3~ :: Uma lista destas só é aceitável se estiver aberta a todas as entidades que cumpram os critérios de qualidade, incluindo as privadas.
R3- :: Não vemos necessidade de uma lista de entidades de confiança; o que importa é a qualidade de cada credencial.
 :: Quem manteria essa lista atualizada?

## funding
R8+ :: O Erasmus+ e o FSE+ deviam financiar o desenvolvimento de microcredenciais, sobretudo nas instituições mais pequenas.
R8~ :: Os fundos europeus são bem-vindos, desde que não vão apenas para o ensino superior.
 :: O Plano de Recuperação e Resiliência é uma oportunidade.

## general
R1+ :: Uma abordagem europeia é bem-vinda e necessária.
P03+ :: As microcredenciais devem ser desenhadas com os empregadores para serem relevantes.
P08+ :: O formando deve estar no centro.
P10+ :: É indispensável melhorar a informação e a orientação.
 :: Obrigado pela oportunidade de participar.
"""

OPENERS = {
    "I": ["Pela minha experiência:", "Em resumo:"],
    "we": ["A <ORG> agradece a oportunidade de contribuir.", "Do ponto de vista da <ORG>:"],
}
CLOSERS = {"I": ["Obrigado.", "Cumprimentos."], "we": ["Ficamos ao dispor para qualquer esclarecimento.", "Com os melhores cumprimentos."]}
CONNECTIVES = ["Além disso, ", "Por outro lado, ", "Por fim, ", "Na prática, "]
SHORT = ["Sim.", "Não.", "Concordo.", "Sem opinião.", "Nada a acrescentar.", "Ver acima."]
SEE_ATTACHED = ["Ver documento anexo.", "Ver a tomada de posição em anexo."]
OFFTOPIC = ["O questionário é demasiado longo.", "As perguntas são muito técnicas para um cidadão comum."]
BARRIER_OTHER = ["Falta de creches", "Perda de rendimento durante a formação", "Transportes"]
PROVIDER_OTHER = ["Bibliotecas municipais", "Associações de desenvolvimento local"]

BARRIER_OTHER_MORE = [" – sobretudo para famílias monoparentais", " no interior", ", de que ninguém fala"]
PROVIDER_OTHER_MORE = [" – têm muita experiência com adultos", " nas zonas rurais"]

PD_TEMPLATES = [
    "Chamo-me {PERSON} e trabalho {num hospital|numa escola|num escritório}.",
    "Com os melhores cumprimentos,\n{PERSON}",
    "Podem contactar-me pelo {PHONE} ou por {EMAIL}.",
    "Moro na {ADDRESS}.",
    "O meu NIF é {ID}.",
]

PAPER = {
    "title": ["Tomada de posição da <ORG> sobre as microcredenciais",
              "Contributo para a consulta pública sobre uma abordagem europeia das microcredenciais"],
    "date": "{city}, {day} de {month} de 2021",
    "months": ["abril", "maio", "junho", "julho"],
    "about_heading": "Sobre a <ORG>",
    "about": {
        "hei": ["A <ORG> é uma instituição pública de ensino superior com cerca de {n} estudantes."],
        "emp": ["A <ORG> é uma empresa do setor de {sector} que forma anualmente cerca de {n} colaboradores.",
                "A <ORG> representa {n} empresas do setor de {sector}."],
        "union": ["A <ORG> é um sindicato que representa cerca de {n} trabalhadores do setor de {sector}."],
        "pub": ["A <ORG> é a entidade pública responsável pela formação profissional e educação de adultos na região."],
        "ngo": ["A <ORG> é uma associação sem fins lucrativos que promove o acesso dos adultos à formação."],
        "other": ["A <ORG> é uma rede de centros de formação profissional."],
        "cit": ["Este documento reflete a opinião de um cidadão a título individual."],
    },
    "about_extra": ["Participamos em vários projetos Erasmus+ sobre reconhecimento de competências."],
    "intro": ["A <ORG> saúda a iniciativa da Comissão e apresenta os seguintes contributos."],
    "headings": {"barriers": "Acesso à aprendizagem ao longo da vida", "definition": "A definição proposta",
                 "elements": "Elementos normalizados", "qa": "Garantia da qualidade", "recognition": "Reconhecimento",
                 "portability": "Portabilidade e Europass", "credits": "ECTS e quadros de qualificações",
                 "providers": "Entidades de confiança", "funding": "Financiamento", "general": "Outras observações"},
    "summary_heading": "Síntese",
    "conclusion": ["A <ORG> mantém-se ao dispor da Comissão para a continuação dos trabalhos."],
    "contact": "Contacto: {email}",
    "sectors": ["tecnologias de informação", "indústria", "saúde", "construção", "turismo"],
    "lead_ins": [],
}
